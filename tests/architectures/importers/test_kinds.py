import pytest

from architectures.importers.kinds import Role, classify, repository


@pytest.mark.parametrize(
    ("name", "image", "role"),
    [
        ("db", "postgres:15-alpine", Role.DATASTORE),
        ("orders-store", "mysql:8", Role.DATASTORE),
        ("nosqldata", "mongo", Role.DATASTORE),
        ("sqldata", "mcr.microsoft.com/mssql/server:2019-latest", Role.DATASTORE),
        ("search", "docker.elastic.co/elasticsearch/elasticsearch:8.1.0", Role.DATASTORE),
        ("carts-db", "", Role.DATASTORE),
        ("userdb", "acme/users-data", Role.DATASTORE),
        ("cache", "redis:alpine", Role.REDIS),
        ("events", "confluentinc/cp-kafka:7.5.0", Role.BROKER),
        ("bus", "rabbitmq:3-management", Role.BROKER),
        ("msg", "nats:2", Role.BROKER),
        ("web", "nginx:1.25", Role.PROXY),
        ("apigw", "envoyproxy/envoy:v1.11.1", Role.PROXY),
        ("edge-router", "acme/edge-router:0.1", Role.GATEWAY_NAME),
        ("api-gateway", "", Role.GATEWAY_NAME),
        ("loadgenerator", "gcr.io/demo/loadgenerator:v1", Role.LOAD_GENERATOR),
        ("user-sim", "weaveworksdemos/load-test:0.1.1", Role.LOAD_GENERATOR),
        ("bench", "grafana/k6", Role.LOAD_GENERATOR),
        ("seed", "", Role.ONE_OFF),
        ("db-migrate", "acme/api", Role.ONE_OFF),
        ("prometheus", "prom/prometheus", Role.TOOL),
        ("rabbitmq-exporter", "kbudde/rabbitmq-exporter", Role.TOOL),
        ("logs", "datalust/seq:latest", Role.TOOL),
        ("mongo-express", "mongo-express", Role.TOOL),
        ("orders", "acme/orders:1.2", Role.SERVICE),
        ("queue-master", "weaveworksdemos/queue-master:0.3.1", Role.SERVICE),
    ],
)
def test_the_role_comes_from_the_image_and_the_name(name, image, role):
    assert classify(name, image).role == role


def test_the_reason_names_the_word_and_where_it_was_found():
    assert classify("carts-db", "mongo:3.4").reason == "image 'mongo:3.4' names mongo"
    assert classify("api-gateway").reason == "name 'api-gateway' names gateway"


def test_the_registry_host_and_tag_say_nothing():
    assert repository("docker.io/library/postgres:13@sha256:abc") == "library/postgres"
    assert repository("localhost:5000/mongo-registry-client:1") == "mongo-registry-client"
    # A registry named like an engine does not make a datastore.
    assert classify("api", "postgres.example.com/acme/api:1").role == Role.SERVICE


def test_only_load_generators_jobs_and_tools_are_left_out():
    assert {r for r in Role if r.left_out} == {Role.LOAD_GENERATOR, Role.ONE_OFF, Role.TOOL}
