"""How references become links, and which ones are warned about."""

from architectures.importers import NoticeKind

from .inputs import compose, links, notices


def test_a_host_not_deployed_is_warned_about_when_clearly_an_address():
    imported = compose("""
        services:
          web:
            image: acme/web
            environment:
              PAYMENTS_URL: https://api.stripe.com/v1
              LEGACY: "10.1.2.3:8080"
              SEARCH_HOST: search
              ZIPKIN: zipkin.tracing.svc.cluster.local
              MODE: production
    """)
    hosts = " ".join(notices(imported, NoticeKind.UNRESOLVED_HOST))
    for host in ("api.stripe.com", "10.1.2.3", "search", "zipkin.tracing.svc.cluster.local"):
        assert f"'{host}'" in hosts
    assert "production" not in hosts  # a word in a variable not named like an address


def test_a_warning_never_shows_a_password_from_a_url():
    imported = compose("""
        services:
          web: {image: acme/web, environment: {DATABASE_URL: "postgres://app:hunter2@ghost:5432/x"}}
    """)
    assert "'ghost'" in notices(imported, NoticeKind.UNRESOLVED_HOST)[0]
    assert "hunter2" not in repr(imported)


def test_health_checks_are_probes_not_calls():
    imported = compose("""
        services:
          status:
            image: acme/status
            environment: {CATALOG_CHECK: "http://catalog/hc", OrderingUrlHC: "http://orders"}
          catalog: {image: acme/catalog}
          orders: {image: acme/orders}
    """)
    assert links(imported) == set()
    (message,) = [m for m in notices(imported, NoticeKind.IGNORED_KEY) if "probes" in m]
    assert "'catalog'" in message and "'orders'" in message


def test_a_workload_naming_itself_makes_no_link():
    imported = compose(
        "services:\n  api: {image: acme/api, environment: {SELF_URL: 'http://api/'}}\n"
    )
    assert links(imported) == set()
    assert notices(imported, NoticeKind.UNRESOLVED_HOST) == []


def test_links_to_a_left_out_workload_are_left_out_with_it():
    imported = compose("""
        services:
          api: {image: acme/api, environment: {TRACING: "http://jaeger:14268"}}
          jaeger: {image: jaegertracing/all-in-one}
    """)
    assert links(imported) == set()
    assert any("to 'jaeger' are left out" in m for m in notices(imported, NoticeKind.LEFT_OUT))
