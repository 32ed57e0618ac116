"""Each compose key's rule, through the whole import."""

from architectures.importers import NoticeKind
from architectures.model import Load

from .inputs import compose, kinds, link, links, notices


def test_every_service_becomes_a_component_with_its_kind():
    imported = compose("""
        services:
          web: {image: acme/web}
          db: {image: postgres:15}
          bus: {image: rabbitmq:3}
    """)
    assert kinds(imported) == {"web": "service", "db": "datastore", "bus": "broker"}


def test_depends_on_and_links_are_declared_links():
    imported = compose("""
        services:
          web: {image: acme/web, depends_on: [api], links: ["cache:sessions"]}
          api: {image: acme/api, depends_on: {db: {condition: service_healthy}}}
          worker: {image: acme/worker, environment: {SESSIONS_HOST: sessions}}
          cache: {image: memcached}
          db: {image: postgres}
    """)
    assert links(imported) == {("web", "api"), ("web", "cache"), ("api", "db"), ("worker", "cache")}
    rules = {(e.subject, e.rule) for e in imported.evidence if isinstance(e.subject, tuple)}
    assert {(("web", "api"), "depends_on"), (("web", "cache"), "links")} <= rules


def test_environment_values_naming_a_service_are_links_in_both_shapes():
    imported = compose("""
        services:
          web:
            image: acme/web
            environment: ["API_URL=http://api:8080/v1", "MODE=production"]
          api:
            image: acme/api
            environment: {DATABASE_URL: "postgres://app:hunter2@db:5432/app", CACHE: cache}
          db: {image: postgres}
          cache: {image: memcached}
    """)
    assert links(imported) == {("web", "api"), ("api", "db"), ("api", "cache")}
    detail = next(e.detail for e in imported.evidence if e.subject == ("api", "db"))
    assert detail == "DATABASE_URL names 'db'"


def test_secret_looking_variables_are_never_read():
    imported = compose("""
        services:
          api: {image: acme/api, environment: {DB_PASSWORD: db, API_TOKEN: "http://db"}}
          db: {image: postgres}
    """)
    assert links(imported) == set()
    assert "DB_PASSWORD" not in repr(imported) and "API_TOKEN" not in repr(imported)


def test_published_ports_are_entry_points_for_one_client():
    imported = compose("""
        services:
          web: {image: acme/web, ports: ["8080:80"]}
          admin: {image: acme/admin, ports: [{target: 80, published: 9000}]}
          api: {image: acme/api, expose: ["80"]}
    """)
    assert links(imported) == {("client", "web"), ("client", "admin")}
    assert kinds(imported)["client"] == "client"


def test_a_published_datastore_is_warned_about_not_linked():
    imported = compose("""
        services:
          db: {image: postgres, ports: ["5432:5432", "5433:5433"]}
    """)
    assert links(imported) == set()
    (message,) = notices(imported, NoticeKind.EXPOSED_DATA)
    assert "5432:5432" in message and "5433:5433" in message


def test_network_mode_of_another_service_shares_its_deploy_unit():
    imported = compose("""
        services:
          app: {image: acme/app}
          sidecar: {image: acme/agent, network_mode: "service:app"}
    """)
    units = {c.name: c.deploy_unit for c in imported.architecture.components}
    assert units == {"app": "app", "sidecar": "app"}


def test_container_names_aliases_and_fixed_addresses_resolve():
    imported = compose("""
        services:
          web:
            image: acme/web
            environment: {A: "legacy-db:5432", B: "http://search", C: "172.16.0.9:6379"}
          db: {image: postgres, container_name: legacy-db}
          es:
            image: elasticsearch:8
            networks: {back: {aliases: [search]}}
          cache:
            image: memcached
            networks: {back: {ipv4_address: 172.16.0.9}}
    """)
    assert links(imported) == {("web", "db"), ("web", "es"), ("web", "cache")}
    assert link(imported, "web", "db").discovery
    assert not link(imported, "web", "cache").discovery


def test_replicas_and_labels_give_load_and_team():
    imported = compose("""
        services:
          api: {image: acme/api, deploy: {replicas: 4, labels: [team=payments]}}
          web: {image: acme/web, scale: 1, labels: {owner: storefront}}
    """)
    components = imported.architecture.by_name
    assert (components["api"].load, components["api"].team) == (Load.HIGH, "payments")
    assert (components["web"].load, components["web"].team) == (Load.NORMAL, "storefront")


def test_files_named_in_the_services_are_never_opened():
    imported = compose("""
        services:
          api:
            image: acme/api
            env_file: /etc/passwd
            extends: {file: ../secret.yml, service: base}
            volumes: ["/:/host"]
            external_links: [legacy_db]
    """)
    unread = notices(imported, NoticeKind.UNREAD_FILE)
    assert any("env_file" in m for m in unread) and any("extends" in m for m in unread)
    assert any("legacy_db" in m for m in notices(imported, NoticeKind.UNRESOLVED_HOST))
    assert any("volumes (1 service)" in m for m in notices(imported, NoticeKind.IGNORED_KEY))
    assert "root:" not in repr(imported)
