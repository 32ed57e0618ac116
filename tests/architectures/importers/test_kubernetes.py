"""Kubernetes manifests as a whole: Services, Ingress, autoscalers, what is not read."""

import pytest

from architectures.importers import DeploymentInvalid, NoticeKind
from architectures.model import Load

from .inputs import deployment, kinds, kubernetes, link, links, notices, service


def test_a_service_name_in_any_dns_form_reaches_the_pods_it_selects():
    imported = kubernetes(
        deployment(
            "web", "acme/web", {"A": "carts:80", "B": "http://orders.shop.svc.cluster.local"}
        ),
        deployment("carts", "acme/carts", namespace="shop"),
        service("carts"),
        deployment("orders", "acme/orders"),
        service("orders-svc", app="orders"),
        "apiVersion: v1\nkind: Service\nmetadata: {name: orders, namespace: shop}\nspec:\n  selector: {app: orders}\n",
    )
    assert links(imported) == {("web", "carts"), ("web", "orders")}
    assert link(imported, "web", "orders").discovery


def test_a_cluster_ip_reaches_its_pods_without_discovery():
    imported = kubernetes(
        deployment("web", "acme/web", {"API": "10.0.0.12:80"}),
        deployment("api", "acme/api"),
        service("api") + "  clusterIP: 10.0.0.12\n",
    )
    assert not link(imported, "web", "api").discovery


def test_load_balancer_and_node_port_services_are_entry_points():
    imported = kubernetes(
        deployment("shop", "acme/shop"), service("shop", kind="NodePort"),
        deployment("admin", "acme/admin"), service("admin", kind="LoadBalancer"),
        deployment("api", "acme/api"), service("api"),
    )  # fmt: skip
    assert links(imported) == {("client", "shop"), ("client", "admin")}


INGRESS = """\
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
  rules:
  - http:
      paths:
      - path: /api
        pathType: Prefix
        backend: {service: {name: api, port: {number: 80}}}
"""


def test_an_ingress_is_a_gateway_clients_reach_linked_to_its_backends():
    imported = kubernetes(
        INGRESS,
        deployment("web", "acme/web"),
        service("web"),
        deployment("api", "acme/api"),
        service("api"),
    )
    assert kinds(imported)["shop"] == "gateway"
    assert links(imported) == {("client", "shop"), ("shop", "web"), ("shop", "api")}


def test_an_older_ingress_and_a_name_clash_are_read_too():
    old = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n"
    imported = kubernetes(old, deployment("web", "acme/web"), service("web"))
    assert links(imported) == {("client", "web (ingress)"), ("web (ingress)", "web")}


def test_a_gateway_named_workload_behind_an_ingress_is_a_gateway():
    ingress = INGRESS.replace("name: web", "name: api-gateway").replace(
        "name: api,", "name: api-gateway,"
    )
    imported = kubernetes(ingress, deployment("api-gateway", "acme/gw"), service("api-gateway"))
    assert kinds(imported)["api-gateway"] == "gateway"


AUTOSCALER = """\
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: %s}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: %s}
  minReplicas: 2
  maxReplicas: 12
"""


def test_an_autoscaler_sets_the_load_and_one_aimed_at_nothing_is_reported():
    imported = kubernetes(
        deployment("api", "acme/api"), AUTOSCALER % ("api", "api"), AUTOSCALER % ("cart", "cart")
    )
    assert imported.architecture.component("api").load == Load.HIGH
    (message,) = notices(imported, NoticeKind.IGNORED_DOCUMENT)[:1]
    assert "'cart'" in message and "not in these files" in message


def test_replicas_and_team_labels_are_read():
    imported = kubernetes(
        deployment("api", "acme/api")
        .replace("spec:\n  selector", "spec:\n  replicas: 5\n  selector")
        .replace("labels: {app: api}", "labels: {app: api, app.kubernetes.io/part-of: checkout}")
    )
    component = imported.architecture.component("api")
    assert (component.load, component.team) == (Load.HIGH, "checkout")


def test_a_job_is_a_one_off_and_a_cron_job_a_service():
    job = deployment("seed-data", "acme/tool").replace("kind: Deployment", "kind: Job")
    cron = (
        "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: '@daily'\n"
        "  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n"
        "          - {name: report, image: acme/report}\n"
    )
    imported = kubernetes(job, cron)
    assert kinds(imported) == {"report": "service"}
    assert any("seed-data" in m for m in notices(imported, NoticeKind.LEFT_OUT))


def test_config_maps_feed_the_environment_and_secrets_are_never_read():
    config = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: urls}\ndata: {CART_URL: 'http://carts'}\n"
    secret = (
        "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {DB_HOST: orders-db}\n"
    )
    web = deployment("web", "acme/web").replace(
        "        image: acme/web",
        "        image: acme/web\n        envFrom: [{configMapRef: {name: urls}}, {secretRef: {name: db}}]",
    )
    imported = kubernetes(config, secret, web, deployment("carts", "acme/carts"), service("carts"),
                          deployment("orders-db", "mongo"), service("orders-db"))  # fmt: skip
    assert links(imported) == {("web", "carts")}
    assert any(
        "Secrets are never read" in m for m in notices(imported, NoticeKind.IGNORED_DOCUMENT)
    )


def test_a_list_of_objects_is_unwrapped():
    listed = "apiVersion: v1\nkind: List\nitems:\n- " + deployment("api", "acme/api").replace(
        "\n", "\n  "
    )
    assert kinds(kubernetes(listed)) == {"api": "service"}


def test_kinds_not_read_and_services_without_pods_are_listed():
    imported = kubernetes(
        deployment("api", "acme/api"),
        "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n",
        "apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: db.example.com}\n",
        service("ghost"),
    )
    ignored = notices(imported, NoticeKind.IGNORED_DOCUMENT)
    assert any("1 ServiceAccount" in m for m in ignored)
    assert any("'ext' has no selector" in m for m in ignored)
    assert any("'ghost' selects no Pod" in m for m in ignored)


def test_documents_without_kind_or_name_are_refused_naming_the_document():
    with pytest.raises(DeploymentInvalid) as caught:
        kubernetes(
            deployment("api", "acme/api"),
            "apiVersion: v1\nmetadata: {name: x}\n",
            "kind: Service\nmetadata: {}\n",
        )
    locs = {p.loc for p in caught.value.problems}
    assert locs == {
        ("manifests.yaml", "documents", 1, "kind"),
        ("manifests.yaml", "documents", 2, "metadata", "name"),
    }


def test_a_workload_without_containers_is_refused_naming_the_key():
    with pytest.raises(DeploymentInvalid) as caught:
        kubernetes("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {}\n")
    assert caught.value.problems[0].loc == (
        "manifests.yaml",
        "spec",
        "template",
        "spec",
        "containers",
    )


@pytest.mark.parametrize("pod_spec", ["{containers: []}", "{}"])
def test_a_service_selecting_a_workload_without_containers_is_a_refusal_not_a_crash(pod_spec):
    empty = (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
        f"    metadata: {{labels: {{app: web}}}}\n    spec: {pod_spec}\n"
    )
    with pytest.raises(DeploymentInvalid) as caught:
        kubernetes(empty, service("web"))
    assert caught.value.problems[0].loc[-1] == "containers"


def test_stateful_sets_daemon_sets_and_their_pod_names_are_read():
    stateful = deployment("db", "postgres:16").replace("kind: Deployment", "kind: StatefulSet")
    stateful = stateful.replace(
        "spec:\n  selector", "spec:\n  serviceName: db\n  replicas: 2\n  selector"
    )
    daemon = deployment("agent", "acme/agent", {"DB": "db-1.db.default.svc.cluster.local:5432"})
    daemon = daemon.replace("kind: Deployment", "kind: DaemonSet")
    imported = kubernetes(stateful, service("db"), daemon)
    assert kinds(imported) == {"db": "datastore", "agent": "service"}
    assert links(imported) == {("agent", "db")}


def test_container_keys_not_read_are_listed():
    web = deployment("web", "acme/web").replace(
        "        image: acme/web",
        "        image: acme/web\n        args: ['--api=api:80']\n        resources: {}",
    )
    (message,) = [
        m for m in notices(kubernetes(web), NoticeKind.IGNORED_KEY) if "Container keys" in m
    ]
    assert "args (1)" in message and "resources (1)" in message
