"""What a workload is, from its image and its name.

The image's repository path (registry and tag dropped) and the workload's name are cut
into words at `-`, `_`, `.` and `/`. The first rule that matches wins:

1. **Left out, not services**: load generators (locust, k6, jmeter, `loadgenerator`,
   `load-test`...), one-off jobs that seed or migrate data (`seed`, `migrate`, `init`...),
   and tools beside the system (monitoring, tracing and logging such as prometheus,
   grafana, jaeger, `*-exporter`, seq; database consoles such as adminer, pgadmin,
   mongo-express). They drive or watch the system rather than being part of it.
2. **Datastores** by engine: postgres, mysql, mariadb, mongo, cassandra, elasticsearch,
   mssql, couchdb, neo4j, influxdb, clickhouse, memcached, zookeeper, etcd, minio and
   similar; or a name whose word is `db`/`database` or ends in `db` (`carts-db`, `userdb`).
3. **Redis** (and valkey, keydb, dragonfly): a datastore, unless used as a queue (see
   `architectures.importers.inference.redis_as_broker`).
4. **Brokers**: rabbitmq, kafka, redpanda, nats, activemq, artemis, pulsar, mosquitto,
   emqx, nsq, or a `broker` word.
5. **Proxies**: nginx, traefik, envoy, kong, haproxy, caddy, apisix, krakend, tyk. They
   become gateways when they front something (clients reach them, or they link to
   services); an nginx nothing reaches and that reaches nothing only serves files, so it
   stays a service.
6. **Named like a gateway**: a word `gateway`, `gw`, `apigw`, `edge`, `router`, `proxy` or
   `ingress`; a gateway when clients reach it (it is published), else a service.
7. Everything else is a **service**.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

LOAD_GENERATORS = frozenset(
    {"locust", "k6", "jmeter", "gatling", "artillery", "vegeta", "wrk", "siege", "tsung",
     "bombardier", "loadgen", "loadgenerator", "loadtest", "loadtester", "trafficgen"}
)  # fmt: skip
ONE_OFF = frozenset(
    {"seed", "seeder", "seeding", "seeds", "migrate", "migration", "migrations", "migrator",
     "init", "setup", "fixtures", "populate", "dbinit", "initdb"}
)  # fmt: skip
TOOLS = frozenset(
    {"prometheus", "grafana", "jaeger", "zipkin", "otel", "opentelemetry", "otelcol",
     "opentelemetrycollector", "loki", "promtail", "fluentd", "fluentbit", "fluent",
     "logstash", "kibana", "seq", "cadvisor", "alertmanager", "pushgateway", "statsd",
     "telegraf", "heapster", "tempo", "mimir", "adminer", "phpmyadmin", "pgadmin",
     "pgadmin4", "mongoexpress", "rediscommander", "redisinsight", "kafdrop", "akhq",
     "kafkaui", "portainer", "mailhog", "mailpit", "maildev", "swaggerui", "dozzle"}
)  # fmt: skip
DATASTORES = (
    "postgres", "postgis", "timescale", "mysql", "mariadb", "percona", "mongo", "cassandra",
    "scylla", "elasticsearch", "opensearch", "solr", "couchdb", "couchbase", "neo4j",
    "influxdb", "clickhouse", "cockroach", "mssql", "sqlserver", "memcached", "etcd",
    "zookeeper", "minio", "dynamodb", "arangodb", "rethinkdb", "orientdb", "dgraph",
    "questdb", "yugabyte", "tidb", "hazelcast", "riak", "hbase", "cosmosdb", "azurite",
)  # fmt: skip
REDIS = ("redis", "valkey", "keydb", "dragonfly")
BROKERS = (
    "rabbitmq", "kafka", "redpanda", "nats", "activemq", "artemis", "pulsar", "mosquitto",
    "emqx", "vernemq", "hivemq", "nsq", "nsqd", "broker",
)  # fmt: skip
PROXIES = (
    "nginx", "openresty", "traefik", "envoy", "kong", "haproxy", "caddy", "apisix",
    "krakend", "tyk",
)  # fmt: skip
GATEWAY_WORDS = frozenset({"gateway", "gw", "apigw", "edge", "router", "proxy", "ingress"})
DATASTORE_WORDS = frozenset({"db", "database", "datastore"})


class Role(StrEnum):
    SERVICE = "service"
    DATASTORE = "datastore"
    REDIS = "redis"  # a datastore or a broker, depending on use
    BROKER = "broker"
    PROXY = "proxy"  # a gateway when it fronts something
    GATEWAY_NAME = "gateway-name"  # a gateway when it is published
    LOAD_GENERATOR = "load generator"
    ONE_OFF = "one-off job"
    TOOL = "tool"

    @property
    def left_out(self) -> bool:
        return self in (Role.LOAD_GENERATOR, Role.ONE_OFF, Role.TOOL)


@dataclass(frozen=True)
class Classified:
    role: Role
    reason: str  # the words that decided it, for the evidence


def classify(name: str, image: str = "") -> Classified:
    """The role of a workload named `name` running `image` (rules in the module text)."""
    image_words, name_words = words(repository(image)), words(name)
    squashed = {_squash(name), _squash(repository(image))} - {""}
    both = image_words + name_words
    for role, test in _RULES:
        hit = test(both, squashed)
        if hit:
            source = (
                f"image '{image}'" if hit in image_words or _in(hit, image) else f"name '{name}'"
            )
            return Classified(role, f"{source} names {hit}")
    gateway = gateway_named(name)
    if gateway:
        return Classified(Role.GATEWAY_NAME, f"name '{name}' names {gateway}")
    return Classified(Role.SERVICE, "no datastore, broker, gateway or tool in its image or name")


def repository(image: str) -> str:
    """`docker.io/library/postgres:13@sha256:...` → `library/postgres`: the registry's
    host and the tag say nothing about what runs."""
    parts = image.split("@")[0].split("/")
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        parts = parts[1:]
    parts[-1] = parts[-1].split(":")[0]
    return "/".join(parts)


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[-_./:\s]+", text.lower()) if w]


def gateway_named(name: str) -> str | None:
    found = [w for w in words(name) if w in GATEWAY_WORDS or w.endswith(("gateway", "apigw"))]
    return found[0] if found else None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().rpartition("/")[2])


def _in(word: str, text: str) -> bool:
    return word in _squash(repository(text))


def _member(vocabulary: frozenset[str]):
    def test(found: list[str], squashed: set[str]) -> str | None:
        hits = [w for w in found if w in vocabulary] + [s for s in squashed if s in vocabulary]
        return hits[0] if hits else None

    return test


def _prefix(engines: tuple[str, ...]):
    def test(found: list[str], squashed: set[str]) -> str | None:
        return next((w for w in found if w.startswith(engines)), None)

    return test


def _datastore(found: list[str], squashed: set[str]) -> str | None:
    engine = _prefix(DATASTORES)(found, squashed)
    named = next((w for w in found if w in DATASTORE_WORDS or w.endswith("db")), None)
    return engine or named


def _squashed_loadgen(found: list[str], squashed: set[str]) -> str | None:
    direct = _member(LOAD_GENERATORS)(found, squashed)
    return direct or next((s for s in squashed if "loadtest" in s or "loadgen" in s), None)


def _tool(found: list[str], squashed: set[str]) -> str | None:
    exporter = next((w for w in found if w.endswith("exporter")), None)
    return _member(TOOLS)(found, squashed) or exporter


_RULES = (
    (Role.LOAD_GENERATOR, _squashed_loadgen),
    (Role.ONE_OFF, _member(ONE_OFF)),
    (Role.TOOL, _tool),
    (Role.REDIS, _prefix(REDIS)),
    (Role.DATASTORE, _datastore),
    (Role.BROKER, _prefix(BROKERS)),
    (Role.PROXY, _prefix(PROXIES)),
)
