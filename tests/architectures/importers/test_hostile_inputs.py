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


def survives(reader, data) -> None:
    text = yaml.safe_dump(data).encode()
    try:
        reader([Upload("f.yml", text)])
    except ArchitectureInvalid as invalid:
        assert invalid.problems and all(p.msg for p in invalid.problems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=8), values(COMPOSE_KEYS), max_size=4))
def test_any_compose_shape_is_read_or_refused_clearly(services):
    survives(import_compose, {"services": services})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(values(KUBERNETES_KEYS), min_size=1, max_size=3), st.sampled_from(KINDS))
def test_any_kubernetes_shape_is_read_or_refused_clearly(documents, kind):
    shaped = [
        d | {"kind": kind, "metadata": {"name": "x"}} if isinstance(d, dict) else d
        for d in documents
    ]
    for document in shaped:
        survives(import_kubernetes, document)
