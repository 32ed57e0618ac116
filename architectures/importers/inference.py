"""The inference rules that need more than one workload: how a component is used
decides its kind, names suggest links, labels and replicas give team and load.
Each rule is one function; `assembly` applies them in order.
"""

import re
from collections.abc import Iterable

from architectures.model import Kind, Load

from .kinds import DATASTORE_WORDS, Role, words
from .links import Edge
from .records import Origin
from .workloads import Workload

QUEUE_WORDS = ("QUEUE", "BROKER", "CELERY", "SIDEKIQ", "BULL", "JOB", "TASK", "PUBSUB",
               "STREAM", "CHANNEL", "RQ", "WORKER")  # fmt: skip
WORKER_WORDS = frozenset({"worker", "workers", "consumer", "consumers", "processor", "sidekiq",
                          "celery", "rq", "jobs", "queue"})  # fmt: skip
GENERIC_WORDS = frozenset({"service", "svc", "api", "app", "server", "srv", "backend", "ms"})
STORE_WORDS = DATASTORE_WORDS | {"data", "store", "cache", "mongo", "mongodb", "redis", "mysql",
                                 "postgres", "postgresql", "sql", "elastic"}  # fmt: skip
TEAM_LABELS = ("team", "owner", "app.kubernetes.io/part-of")
MANY_REPLICAS = 3


def redis_as_broker(name: str, users: Iterable[Edge]) -> str | None:
    """Redis is a broker when it is used as a queue: a variable naming it speaks of a
    queue, broker, job, task, Celery, Sidekiq, Bull, pub/sub, stream or channel; its own
    name does; or a worker (a workload named worker, consumer, processor...) shares it
    with another workload, which is how a job queue looks from outside. Otherwise it is a
    datastore. Returns the reason, or None."""
    upper_name = name.upper()
    if any(word in upper_name for word in ("QUEUE", "BROKER", "JOBS", "PUBSUB")):
        return f"its name '{name}' speaks of a queue"
    edges = list(users)
    for edge in edges:
        for reference in edge.references:
            variable = reference.variable.upper()
            if any(re.search(rf"(^|[^A-Z]){word}", variable) for word in QUEUE_WORDS):
                return f"'{edge.source}' names it in {reference.variable}"
    workers = [e.source for e in edges if WORKER_WORDS & set(words(e.source))]
    if workers and len({e.source for e in edges}) >= 2:
        return f"the worker '{workers[0]}' shares it with others, as a job queue"
    return None


def proxy_fronts(published: bool, targets: Iterable[Role]) -> bool:
    """A proxy image (nginx, envoy, traefik...) is a gateway when it fronts something:
    clients reach it, or it links to a service or another gateway."""
    fronting = (Role.SERVICE, Role.PROXY, Role.GATEWAY_NAME)
    return published or any(role in fronting for role in targets)


def stem(name: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """A name's words without the generic ones, plural `s` dropped: `carts-db` → (cart,)."""
    found = []
    for word in words(name):
        for suffix in sorted(vocabulary, key=len, reverse=True):
            if word != suffix and word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        if word not in vocabulary:
            found.append(word.removesuffix("s") if len(word) > 3 else word)
    return tuple(found)


def owner_by_name(datastore: str, services: Iterable[str]) -> str | None:
    """The one service a datastore is named after: `carts-db` beside `carts`, `userdb`
    beside `user-service`. Used only for a datastore no workload declares it uses, and the
    link it gives is marked as inferred."""
    own = stem(datastore, STORE_WORDS)
    if not own:
        return None
    matches = [s for s in services if stem(s, GENERIC_WORDS) == own]
    return matches[0] if len(matches) == 1 else None


def database_name(database: str) -> str:
    """`Microsoft.eShopOnContainers.Services.CatalogDb` → `CatalogDb`."""
    return database.rstrip(".").rpartition(".")[2] or database


def split_databases(edges: Iterable[Edge]) -> dict[str, str]:
    """One datastore workload serving several databases: when the references to it name
    two or more distinct databases (the path of `postgres://host/orders`, `Database=` of a
    connection string), each database becomes a datastore of its own, deployed in the
    server's unit; sharing a server is not sharing data. Returns, for each database
    named, its component name `server/database`."""
    names: dict[str, str] = {}
    for edge in edges:
        for database in edge.databases:
            if not database.isdigit():
                names[database] = f"{edge.target}/{database_name(database)}"
    return names if len(set(names.values())) >= 2 else {}


def load_of(workload: Workload) -> tuple[Load, Origin, str] | None:
    """`high` for an autoscaler allowed past its minimum, or 3 replicas or more; `low`
    for 0 replicas; `normal` for 1 or 2. Nothing declared: no load."""
    if workload.autoscaler is not None:
        low, high, origin = workload.autoscaler
        if high > low:
            return Load.HIGH, origin, f"an autoscaler scales it from {low} to {high} replicas"
    if workload.replicas is None:
        return None
    count, origin = workload.replicas
    if count >= MANY_REPLICAS:
        return Load.HIGH, origin, f"{count} replicas"
    return (Load.LOW if count == 0 else Load.NORMAL), origin, f"{count} replicas"


def team_of(workload: Workload) -> tuple[str, Origin, str] | None:
    """The first of the labels `team`, `owner` and `app.kubernetes.io/part-of` that is set."""
    for label in TEAM_LABELS:
        if label in workload.labels:
            value, origin = workload.labels[label]
            if value:
                return value, origin, f"label {label}"
    return None


def kind_of_role(role: Role, *, published: bool, fronts: bool, broker_reason: str | None) -> Kind:
    match role:
        case Role.DATASTORE:
            return Kind.DATASTORE
        case Role.BROKER:
            return Kind.BROKER
        case Role.REDIS:
            return Kind.BROKER if broker_reason else Kind.DATASTORE
        case Role.PROXY:
            return Kind.GATEWAY if fronts else Kind.SERVICE
        case Role.GATEWAY_NAME:
            return Kind.GATEWAY if published else Kind.SERVICE
    return Kind.SERVICE
