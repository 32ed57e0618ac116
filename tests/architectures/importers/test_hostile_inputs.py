"""Whatever shape the YAML has, an import gives an architecture or a clear problem,
never a crash (a crash would be a 500)."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from architectures.importers import import_compose, import_kubernetes
from architectures.input_formats import Upload
from architectures.model import ArchitectureInvalid

COMPOSE_KEYS = ["image", "environment", "depends_on", "links", "ports", "expose", "network_mode",
                "networks", "container_name", "deploy", "scale", "labels", "env_file", "extends",
                "external_links", "replicas", "aliases", "ipv4_address", "target", "published"]  # fmt: skip
KUBERNETES_KEYS = ["apiVersion", "kind", "metadata", "name", "namespace", "labels", "spec",
                   "template", "containers", "env", "value", "valueFrom", "envFrom", "ports",
                   "containerPort", "selector", "type", "rules", "http", "paths", "backend",
                   "service", "scaleTargetRef", "maxReplicas", "items", "data", "replicas"]  # fmt: skip
KINDS = ["Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "ConfigMap", "List", "Job"]


def values(keys: list[str]) -> st.SearchStrategy:
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(-5, 70000), st.sampled_from(KINDS + keys),
        st.text(max_size=12), st.sampled_from(["db:5432", "http://web/hc", "${X:-api}", "localhost:80", "10.0.0.1"]),
    )  # fmt: skip
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(keys), inner, max_size=5)
        ),
        max_leaves=25,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=8), values(COMPOSE_KEYS), max_size=4))
def test_any_compose_shape_is_read_or_refused_clearly(services):
    survives_all(import_compose, [{"services": services}])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(values(KUBERNETES_KEYS), st.sampled_from(KINDS)), min_size=1, max_size=3))
def test_any_kubernetes_shape_is_read_or_refused_clearly(documents):
    shaped = [d | {"kind": kind, "metadata": {"name": "x"}} if isinstance(d, dict) else d
              for d, kind in documents]  # fmt: skip
    survives_all(import_kubernetes, shaped)


# Compose services that refer to each other by name, across a file and its override.
NAMES = st.sampled_from(["web", "api", "db"])
REFERENCE = st.one_of(
    NAMES,
    st.sampled_from(
        ["http://web:80/", "api:8080", "db:5432", "${HOST:-api}:80", "postgres://db/x"]
    ),
)
COMPOSE_SERVICE = st.fixed_dictionaries(
    {},
    optional={
        "image": st.sampled_from(["acme/web", "postgres:16", "redis", "nginx"]),
        "environment": st.one_of(st.dictionaries(st.sampled_from(["URL", "DB"]), REFERENCE, max_size=2),
                                 st.lists(REFERENCE.map(lambda r: f"URL={r}"), max_size=2)),
        "depends_on": st.one_of(st.lists(NAMES, max_size=3),
                                st.dictionaries(NAMES, st.just({"condition": "service_started"}))),
        "links": st.lists(st.one_of(NAMES, NAMES.map(lambda n: f"{n}:alias")), max_size=2),
        "network_mode": st.one_of(NAMES.map(lambda n: f"service:{n}"), st.just("host")),
        "extends": st.one_of(NAMES, st.fixed_dictionaries({"service": NAMES})),
        "ports": st.lists(st.sampled_from(["80", "8080:80", 80, "127.0.0.1:5432:5432"]), max_size=2),
        "deploy": st.fixed_dictionaries({}, optional={"replicas": st.integers(-1, 3)}),
        "scale": st.integers(-1, 3),
    },
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.dictionaries(NAMES, st.one_of(st.none(), COMPOSE_SERVICE), max_size=3),
                min_size=1, max_size=2))  # fmt: skip
def test_compose_services_that_refer_to_each_other_are_read_or_refused_clearly(files):
    uploads = [Upload(f"compose{n}.yml", yaml.safe_dump({"services": f}).encode())
               for n, f in enumerate(files)]  # fmt: skip
    try:
        import_compose(uploads)
    except ArchitectureInvalid as invalid:
        assert invalid.problems and all(p.msg for p in invalid.problems)


# Manifests that refer to each other (Services selecting Pods, autoscalers and Ingresses
# naming their targets), with the parts a reader relies on present, empty or missing.
LABELS = st.dictionaries(st.sampled_from(["app", "tier"]), NAMES, max_size=2)
CONTAINERS = st.one_of(
    st.none(),
    st.just([]),
    st.lists(st.fixed_dictionaries({"name": NAMES, "image": st.sampled_from(["acme/web", "postgres:16"])},
                                   optional={"ports": st.just([{"containerPort": 80}]),
                                             "env": st.just([{"name": "U", "value": "api:80"}])}),
             max_size=2),
)  # fmt: skip


@st.composite
def workload(draw) -> dict:
    kind = draw(st.sampled_from(["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"]))
    pod = {"metadata": {"labels": draw(LABELS)}}
    if (containers := draw(CONTAINERS)) is not None:
        pod["spec"] = {"containers": containers}
    spec = {"jobTemplate": {"spec": {"template": pod}}} if kind == "CronJob" else {"template": pod}
    if kind == "StatefulSet":
        spec |= {"serviceName": draw(NAMES), "replicas": draw(st.integers(-1, 3))}
    return {"kind": kind, "metadata": {"name": draw(NAMES)}, "spec": spec}


@st.composite
def referring(draw) -> dict:
    kind = draw(st.sampled_from(["Service", "HorizontalPodAutoscaler", "Ingress"]))
    name = draw(NAMES)
    if kind == "Service":
        spec = {"selector": draw(LABELS), "type": draw(st.sampled_from(["ClusterIP", "NodePort"])),
                "ports": [{"port": 80, "targetPort": draw(st.sampled_from([80, "http", 8080]))}]}  # fmt: skip
    elif kind == "HorizontalPodAutoscaler":
        spec = {"scaleTargetRef": {"kind": "Deployment", "name": draw(NAMES)},
                "maxReplicas": draw(st.integers(0, 5))}  # fmt: skip
    else:
        backend = {"service": {"name": draw(NAMES), "port": {"number": 80}}}
        spec = {"rules": [{"http": {"paths": [{"path": "/", "backend": backend}]}}]}
    return {"kind": kind, "metadata": {"name": name}, "spec": spec}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(workload(), referring()), min_size=1, max_size=6))
def test_manifests_that_refer_to_each_other_are_read_or_refused_clearly(documents):
    survives_all(import_kubernetes, documents)


def survives_all(reader, documents: list) -> None:
    text = yaml.safe_dump_all(documents).encode()
    try:
        reader([Upload("f.yml", text)])
    except ArchitectureInvalid as invalid:
        assert invalid.problems and all(p.msg for p in invalid.problems)
