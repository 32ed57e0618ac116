"""The Pods of workloads: containers, deploy units, init containers, localhost."""

from architectures.importers import NoticeKind

from .inputs import kubernetes, links, notices

POD = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders}
spec:
  template:
    metadata: {labels: {app: orders}}
    spec:
      initContainers:
      - {name: wait-for-db, image: busybox}
      containers:
      - name: orders
        image: acme/orders
        env: [{name: CACHE_ADDR, value: "localhost:6379"}, {name: DB_HOST, value: "localhost:5432"}]
      - name: cache
        image: redis:7
        ports: [{containerPort: 6379}]
      - name: audit
        image: acme/audit
        ports: [{containerPort: 8081, name: audit}]
      - name: log-exporter
        image: acme/log-exporter
"""


def test_each_container_of_a_pod_is_a_component_in_one_deploy_unit():
    imported = kubernetes(POD)
    units = {c.name: c.deploy_unit for c in imported.architecture.components}
    assert units == {"orders": "orders", "orders-cache": "orders", "orders-audit": "orders"}
    assert any("orders-log-exporter" in m for m in notices(imported, NoticeKind.LEFT_OUT))


def test_localhost_reaches_the_container_of_the_pod_on_that_port():
    imported = kubernetes(POD)
    # 5432 is served by no container of the Pod: the container itself, no link.
    assert links(imported) == {("orders", "orders-cache")}


def test_init_containers_are_listed_not_imported():
    (message,) = notices(kubernetes(POD), NoticeKind.IGNORED_KEY)
    assert "orders: wait-for-db" in message


def test_a_service_reaches_the_container_serving_its_target_port():
    service = "apiVersion: v1\nkind: Service\nmetadata: {name: audit}\nspec:\n  selector: {app: orders}\n  ports: [{port: 80, targetPort: audit}]\n"
    caller = (
        POD.replace("name: orders}", "name: web}")
        .replace("app: orders}}", "app: web}}")
        .split("      - name: cache")[0]
    )
    caller = caller.replace("localhost:6379", "audit:80").replace(
        "name: orders\n        image", "name: web\n        image"
    )
    imported = kubernetes(POD, service, caller)
    assert ("web", "orders-audit") in links(imported)
