"""Real deployment files of public projects (fixtures/deployments, licences and sources
in its README): what each imports, and what the review finds in it."""

from collections import Counter

import pytest

from architectures.antipatterns import detect_in
from architectures.importers import Imported, NoticeKind

from .inputs import kinds, links, notices
from .real_files import FIXTURES, load


def found(imported: Imported) -> Counter[str]:
    return Counter(f.id for f in detect_in(imported.architecture))


def test_sock_shop_compose_declares_one_link_and_the_review_says_so():
    imported = load("sock-shop compose")
    assert kinds(imported) == {
        "front-end": "service", "edge-router": "gateway", "catalogue": "service",
        "catalogue-db": "datastore", "carts": "service", "carts-db": "datastore",
        "orders": "service", "orders-db": "datastore", "shipping": "service",
        "queue-master": "service", "rabbitmq": "broker", "payment": "service",
        "user": "service", "user-db": "datastore", "client": "client",
    }  # fmt: skip
    assert links(imported) == {
        ("user", "user-db"), ("carts", "carts-db"), ("catalogue", "catalogue-db"),
        ("orders", "orders-db"), ("client", "edge-router"),
    }  # fmt: skip
    inferred = {e.subject for e in imported.evidence if e.inferred}
    assert inferred == {
        ("carts", "carts-db"),
        ("catalogue", "catalogue-db"),
        ("orders", "orders-db"),
    }
    assert any("user-sim" in m for m in notices(imported, NoticeKind.LEFT_OUT))
    unlinked = notices(imported, NoticeKind.NO_LINKS)
    assert any("edge-router" in m and "routes to nothing" in m for m in unlinked)
    assert any("'front-end'" in m and "'payment'" in m for m in unlinked)
    assert found(imported) == Counter()


def test_sock_shop_kubernetes_reads_services_autoscalers_and_a_broken_autoscaler():
    imported = load("sock-shop kubernetes")
    assert len(imported.architecture.components) == 15
    assert kinds(imported)["session-db"] == "datastore" and kinds(imported)["rabbitmq"] == "broker"
    assert ("client", "front-end") in links(imported)  # a NodePort Service
    assert str(imported.architecture.component("front-end").load) == "high"
    ignored = notices(imported, NoticeKind.IGNORED_DOCUMENT)
    assert any("'cart'" in m and "not in these files" in m for m in ignored)  # it targets 'carts'
    assert any("rabbitmq-exporter" in m for m in notices(imported, NoticeKind.LEFT_OUT))
    assert any(
        "zipkin.jaeger.svc.cluster.local" in m
        for m in notices(imported, NoticeKind.UNRESOLVED_HOST)
    )
    assert found(imported) == Counter({"microservice-greedy": 1})


def test_online_boutique_names_every_call_in_its_environment():
    imported = load("online-boutique")
    assert set(kinds(imported).values()) == {"service", "datastore", "client"}
    assert kinds(imported)["redis-cart"] == "datastore"
    frontend = {t for s, t in links(imported) if s == "frontend"}
    assert len(frontend) == 7 and ("client", "frontend") in links(imported)
    assert len(links(imported)) == 16
    assert all(link.discovery for link in imported.architecture.links if link.source != "client")
    assert any("loadgenerator" in m for m in notices(imported, NoticeKind.LEFT_OUT))
    assert any(
        "shoppingassistantservice" in m for m in notices(imported, NoticeKind.UNRESOLVED_HOST)
    )
    assert found(imported) == Counter(
        {
            "wobbly-service-interaction": 14,
            "microservice-greedy": 3,
            "chatty-services": 2,
            "megaservice": 2,
        }
    )


def test_eshop_reads_its_override_splits_the_sql_server_and_never_keeps_a_password():
    imported = load("eshoponcontainers")
    names = set(kinds(imported))
    assert {
        "sqldata/IdentityDb",
        "sqldata/CatalogDb",
        "sqldata/OrderingDb",
        "sqldata/WebhooksDb",
    } <= names
    assert "seq" not in names and len(names) == 25
    assert (
        kinds(imported)["webshoppingapigw"] == "gateway"
        and kinds(imported)["basketdata"] == "datastore"
    )
    assert ("ordering-backgroundtasks", "sqldata/OrderingDb") in links(imported)
    assert ("basket-api", "rabbitmq") in links(imported)  # EventBusConnection=${...:-rabbitmq}
    assert len(links(imported)) == 57  # 41 between workloads, 16 from the client
    text = repr(imported)
    assert "Pass@word" not in text and "6168DB8D" not in text
    assert "ESHOP_EXTERNAL_DNS_NAME_OR_IP" in notices(imported, NoticeKind.UNSET_VARIABLE)[0]
    assert len(notices(imported, NoticeKind.EXPOSED_DATA)) == 4
    findings = found(imported)
    assert findings["shared-persistence"] == 3 and findings["no-api-gateway"] == 1
    assert findings["wobbly-service-interaction"] == 20


def test_the_voting_app_has_a_redis_queue_a_shared_database_and_a_seed_job():
    imported = load("voting compose")
    assert kinds(imported) == {
        "vote": "service", "result": "service", "worker": "service", "redis": "broker",
        "db": "datastore", "client": "client",
    }  # fmt: skip
    assert links(imported) == {
        ("vote", "redis"), ("worker", "redis"), ("result", "db"), ("worker", "db"),
        ("client", "vote"), ("client", "result"),
    }  # fmt: skip
    assert any("'seed'" in m for m in notices(imported, NoticeKind.LEFT_OUT))
    assert any("job queue" in m for m in notices(imported, NoticeKind.INFERRED_KIND))
    assert found(imported) == Counter({"shared-persistence": 1, "no-api-gateway": 1})


def test_the_voting_app_manifests_declare_no_link_and_the_review_says_so():
    imported = load("voting kubernetes")
    assert links(imported) == {("client", "vote"), ("client", "result")}
    (message,) = notices(imported, NoticeKind.NO_LINKS)
    assert "declare no link" in message and "CARTS_ADDR" in message


@pytest.mark.parametrize("name", FIXTURES)
def test_every_component_and_link_of_a_real_file_has_evidence(name):
    imported = load(name)
    subjects = {e.subject for e in imported.evidence}
    assert {c.name for c in imported.architecture.components} <= subjects
    assert {(x.source, x.target) for x in imported.architecture.links} <= subjects
