"""The rules that apply whatever the format: kinds from use, inferred links, the
client, discovery, styles, names and the warnings about what files cannot say."""

import pytest

from architectures.importers import DeploymentInvalid, NoticeKind
from architectures.model import MAX_COMPONENTS, LinkStyle

from .inputs import compose, kinds, link, links, notices


def test_a_link_to_a_broker_is_async_and_any_other_sync():
    imported = compose("""
        services:
          api: {image: acme/api, depends_on: [bus, db]}
          bus: {image: rabbitmq}
          db: {image: postgres}
    """)
    assert link(imported, "api", "bus").style == LinkStyle.ASYNC
    assert link(imported, "api", "db").style == LinkStyle.SYNC


def test_a_datastore_named_after_a_service_is_linked_to_it_as_an_inference():
    imported = compose("""
        services:
          carts: {image: acme/carts}
          carts-db: {image: mongo}
          orders: {image: acme/orders, depends_on: [orders-db, carts]}
          orders-db: {image: mongo}
          shipping-db: {image: mongo, depends_on: []}
          shipping: {image: acme/shipping, environment: {DB: "orders-db:27017"}}
    """)
    assert ("carts", "carts-db") in links(imported)
    # A datastore some workload declares using is not given a guessed owner.
    assert ("orders", "orders-db") in links(imported) and ("shipping", "orders-db") in links(
        imported
    )
    inferred = [e for e in imported.evidence if e.inferred]
    assert [e.subject for e in inferred] == [("carts", "carts-db"), ("shipping", "shipping-db")]
    assert len(notices(imported, NoticeKind.INFERRED_LINK)) == 2


def test_a_proxy_fronting_services_is_a_gateway_and_one_serving_files_a_service():
    imported = compose("""
        services:
          proxy: {image: nginx, depends_on: [api]}
          static: {image: nginx}
          api: {image: acme/api}
    """)
    assert kinds(imported)["proxy"] == "gateway" and kinds(imported)["static"] == "service"


def test_a_published_gateway_with_no_route_says_how_to_add_one():
    imported = compose("services:\n  edge-router: {image: traefik, ports: ['80:80']}\n")
    assert kinds(imported)["edge-router"] == "gateway"
    (message,) = [m for m in notices(imported, NoticeKind.NO_LINKS) if "gateway" in m]
    assert "depends_on" in message


def test_files_that_declare_no_link_say_so_and_suggest_what_to_add():
    imported = compose("services:\n  a: {image: acme/a}\n  b: {image: acme/b}\n")
    (message,) = notices(imported, NoticeKind.NO_LINKS)
    assert "declare no link" in message and "depends_on" in message


def test_components_without_any_link_are_named():
    imported = compose(
        "services:\n  a: {image: acme/a, depends_on: [b]}\n  b: {image: acme/b}\n  c: {image: acme/c}\n"
    )
    (message,) = notices(imported, NoticeKind.NO_LINKS)
    assert "'c'" in message and "'a'" not in message


def test_timeouts_and_circuit_breakers_are_assumed_absent_and_the_review_says_so():
    imported = compose("services:\n  a: {image: acme/a, depends_on: [b]}\n  b: {image: acme/b}\n")
    assert not link(imported, "a", "b").timeout and not link(imported, "a", "b").circuit_breaker
    assert "timeouts or circuit breakers" in notices(imported, NoticeKind.ASSUMED)[0]


def test_a_workload_named_client_keeps_its_name():
    imported = compose("services:\n  client: {image: acme/client, ports: ['80:80']}\n")
    assert links(imported) == {("outside client", "client")}


def test_names_too_long_for_the_model_are_shortened_and_reported():
    long = "a" * 80
    imported = compose(f"services:\n  {long}: {{image: acme/a}}\n  {long}b: {{image: acme/b}}\n")
    names = [c.name for c in imported.architecture.components]
    assert len(set(names)) == 2 and all(len(n) <= 60 for n in names)
    assert len(notices(imported, NoticeKind.RENAMED)) == 2


def test_a_server_holding_several_databases_becomes_one_datastore_per_database():
    imported = compose("""
        services:
          catalog: {image: acme/catalog, environment: {Conn: "Server=sql;Database=Shop.CatalogDb;"}}
          ordering: {image: acme/ordering, environment: {Conn: "Server=sql;Database=OrderingDb;"}, depends_on: [sql]}
          sql: {image: mcr.microsoft.com/mssql/server}
    """)
    assert links(imported) == {("catalog", "sql/CatalogDb"), ("ordering", "sql/OrderingDb")}
    units = {c.name: c.deploy_unit for c in imported.architecture.components}
    assert units["sql/CatalogDb"] == units["sql/OrderingDb"] == "sql" and "sql" not in units
    assert notices(imported, NoticeKind.SPLIT_DATASTORE)


def test_every_component_and_link_has_evidence():
    imported = compose("""
        services:
          web: {image: acme/web, ports: ["80:80"], depends_on: [api]}
          api: {image: acme/api, environment: {DB_URL: "postgres://db/app"}}
          db: {image: postgres}
    """)
    subjects = {e.subject for e in imported.evidence}
    assert {c.name for c in imported.architecture.components} <= subjects
    assert {(x.source, x.target) for x in imported.architecture.links} <= subjects


def test_more_workloads_than_the_model_allows_is_a_clear_problem():
    services = "".join(f"  s{i}: {{image: acme/s}}\n" for i in range(MAX_COMPONENTS + 1))
    with pytest.raises(DeploymentInvalid) as caught:
        compose("services:\n" + services)
    assert caught.value.problems[0].loc == ("components",)


def test_a_datastore_known_only_from_depends_on_is_flagged_when_others_are_named():
    imported = compose("""
        services:
          api: {image: acme/api, depends_on: [db, cache], environment: {CACHE_HOST: cache}}
          worker: {image: acme/worker, depends_on: [db]}
          db: {image: postgres}
          cache: {image: memcached}
    """)
    (message,) = [m for m in notices(imported, NoticeKind.ASSUMED) if "depends_on" in m]
    # worker names nothing in variables: depends_on is all it has to say.
    assert "'api' → 'db'" in message and "worker" not in message and "cache'" not in message


def test_the_warnings_most_likely_to_change_the_reading_come_first():
    imported = compose("""
        services:
          api: {image: acme/api, restart: always, environment: {PAY_URL: "https://pay.example.com"}}
    """)
    assert [str(n.kind) for n in imported.warnings][:1] == ["unresolved-host"]
    assert str(imported.warnings[-1].kind) == "ignored-key"


def test_names_the_model_refuses_are_made_printable():
    imported = compose(
        'services:\n  "bad\\tname": {image: acme/a}\n  "bad?name": {image: acme/b}\n'
    )
    names = sorted(c.name for c in imported.architecture.components)
    assert names == ["bad?name", "bad?name~2"]
    assert notices(imported, NoticeKind.RENAMED)
