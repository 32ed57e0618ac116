from architectures.importers import inference
from architectures.importers.addresses import Address
from architectures.importers.kinds import Role
from architectures.importers.links import Edge
from architectures.importers.records import Origin
from architectures.importers.workloads import Reference, Workload
from architectures.model import Kind, Load

HERE = Origin("f.yml", ("services",))


def edge(source: str, target: str, variable: str = "", database: str | None = None) -> Edge:
    reference = Reference(Address(target, database=database), HERE, variable=variable)
    return Edge(source, target, [reference])


def test_redis_is_a_broker_when_a_variable_naming_it_speaks_of_a_queue():
    assert inference.redis_as_broker("redis", [edge("web", "redis", "CELERY_BROKER_URL")])
    assert inference.redis_as_broker("redis", [edge("web", "redis", "JOB_QUEUE_HOST")])
    assert inference.redis_as_broker("redis", [edge("web", "redis", "REDIS_HOST")]) is None


def test_redis_is_a_broker_when_its_name_says_queue():
    assert inference.redis_as_broker("redis-queue", [])


def test_redis_shared_by_a_worker_and_another_workload_is_a_job_queue():
    users = [edge("vote", "redis"), edge("worker", "redis")]
    assert "worker" in inference.redis_as_broker("redis", users)
    assert inference.redis_as_broker("redis", [edge("worker", "redis")]) is None


def test_a_proxy_is_a_gateway_when_it_fronts_something():
    assert inference.proxy_fronts(True, [])
    assert inference.proxy_fronts(False, [Role.SERVICE])
    assert not inference.proxy_fronts(False, [Role.DATASTORE])
    assert (
        inference.kind_of_role(Role.PROXY, published=False, fronts=False, broker_reason=None)
        == Kind.SERVICE
    )
    assert (
        inference.kind_of_role(Role.GATEWAY_NAME, published=True, fronts=True, broker_reason=None)
        == Kind.GATEWAY
    )
    assert (
        inference.kind_of_role(Role.GATEWAY_NAME, published=False, fronts=True, broker_reason=None)
        == Kind.SERVICE
    )


def test_a_datastore_is_named_after_exactly_one_service():
    services = ["carts", "orders", "user-service", "cartservice"]
    assert inference.owner_by_name("orders-db", services) == "orders"
    assert inference.owner_by_name("userdb", services) == "user-service"
    assert inference.owner_by_name("session-db", services) is None
    # carts and cartservice both match: no guess.
    assert inference.owner_by_name("carts-db", services) is None


def test_a_server_with_several_databases_splits_into_one_datastore_each():
    edges = [
        edge("catalog", "sql", database="Microsoft.eShop.Services.CatalogDb"),
        edge("ordering", "sql", database="OrderingDb"),
    ]
    assert inference.split_databases(edges) == {
        "Microsoft.eShop.Services.CatalogDb": "sql/CatalogDb",
        "OrderingDb": "sql/OrderingDb",
    }
    assert inference.split_databases(edges[:1]) == {}
    # Redis database numbers are not databases of their own.
    numbered = [edge("a", "redis", database="0"), edge("b", "redis", database="1")]
    assert inference.split_databases(numbered) == {}


def workload(**extra) -> Workload:
    return Workload("w", HERE, "compose service", **extra)


def test_load_comes_from_autoscalers_then_replicas():
    assert inference.load_of(workload()) is None
    assert inference.load_of(workload(replicas=(0, HERE)))[0] == Load.LOW
    assert inference.load_of(workload(replicas=(2, HERE)))[0] == Load.NORMAL
    assert inference.load_of(workload(replicas=(3, HERE)))[0] == Load.HIGH
    scaled = workload(replicas=(1, HERE), autoscaler=(1, 10, HERE))
    assert inference.load_of(scaled)[:1] == (Load.HIGH,)
    fixed = workload(replicas=(1, HERE), autoscaler=(2, 2, HERE))
    assert inference.load_of(fixed)[0] == Load.NORMAL


def test_team_comes_from_the_first_team_label_set():
    labels = {"app.kubernetes.io/part-of": ("shop", HERE), "owner": ("payments", HERE)}
    assert inference.team_of(workload(labels=labels))[0] == "payments"
    labels["team"] = ("checkout", HERE)
    assert inference.team_of(workload(labels=labels))[0] == "checkout"
    assert inference.team_of(workload(labels={"app": ("x", HERE)})) is None
