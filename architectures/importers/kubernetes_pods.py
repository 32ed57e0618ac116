"""The Pods of Kubernetes workloads: one workload per container.

- A Pod with one container is one component named after its workload (Deployment,
  StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod).
- A Pod with several containers gives one component per container, all sharing the Pod
  as their `deploy_unit`: they are deployed, scaled and restarted together. The
  container named like the workload (or the first) keeps the workload's name; the
  others are `<workload>-<container>`. Init containers run before the Pod starts and
  are not components (a warning lists them).
- Environment: `env` values, `valueFrom.configMapKeyRef` and `envFrom.configMapRef` of
  ConfigMaps in the same input. Secret references, field references and variables
  whose names look secret are never read.
- `spec.replicas` and the autoscalers give the load; the labels `team`, `owner` and
  `app.kubernetes.io/part-of` (on the workload or its Pod) the team.
"""

from dataclasses import dataclass
from typing import Any

from architectures.problems import Problem

from .addresses import addresses_in, looks_secret
from .records import Origin
from .workloads import Reference, Workload

TEMPLATE_PATHS = {
    "Pod": ("spec",),
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
}
DEFAULT_TEMPLATE = ("spec", "template", "spec")
WORKLOAD_KINDS = frozenset(
    {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
     "CronJob", "Pod", "DeploymentConfig"}
)  # fmt: skip


@dataclass(frozen=True)
class Manifest:
    """One Kubernetes object, with the place it was read from."""

    kind: str
    name: str
    namespace: str | None
    body: dict[str, Any]
    origin: Origin

    def get(self, *path: str) -> Any:
        node: Any = self.body
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        return node

    @property
    def label(self) -> str:
        return f"{self.kind} '{self.name}'"


ConfigMaps = dict[tuple[str | None, str], dict[str, str]]


def mapping(value: Any) -> dict[str, Any]:
    """The value if it is a mapping, else an empty one: manifests are untrusted."""
    return value if isinstance(value, dict) else {}


def sequence(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def pod_labels(manifest: Manifest) -> dict[str, str]:
    path = (
        ("metadata", "labels")
        if manifest.kind == "Pod"
        else _template(manifest)[:-1] + ("metadata", "labels")
    )
    labels = manifest.get(*path)
    return {str(k): str(v) for k, v in labels.items()} if isinstance(labels, dict) else {}


def _template(manifest: Manifest) -> tuple[str, ...]:
    return TEMPLATE_PATHS.get(manifest.kind, DEFAULT_TEMPLATE)


def containers(manifest: Manifest, problems: list[Problem]) -> list[tuple[dict[str, Any], Origin]]:
    path = (*_template(manifest), "containers")
    found = manifest.get(*path)
    origin = manifest.origin.at(*path)
    if not isinstance(found, list) or not found:
        problems.append(
            Problem(origin.loc(), "A workload needs a list of containers.", "list_type")
        )
        return []
    valid = []
    for index, item in enumerate(found):
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            valid.append((item, origin.at(index)))
        else:
            problems.append(
                Problem(
                    origin.at(index).loc(), "Each container is a mapping with a name.", "dict_type"
                )
            )
    return valid


def init_containers(manifest: Manifest) -> list[str]:
    found = manifest.get(*_template(manifest), "initContainers")
    return (
        [str(c.get("name")) for c in found if isinstance(c, dict)]
        if isinstance(found, list)
        else []
    )


def pod_workloads(
    manifest: Manifest, config_maps: ConfigMaps, problems: list[Problem]
) -> list[tuple[Workload, dict[str, Any]]]:
    """One workload per container of the manifest's Pod, each with its container."""
    found = containers(manifest, problems)
    if not found:
        return []
    primary = next((c for c, _ in found if c["name"] == manifest.name), found[0][0])
    several = len(found) > 1
    result = []
    for container, origin in found:
        main = container is primary
        name = manifest.name if main else _container_name(manifest.name, container["name"])
        workload = _container(manifest, container, origin if several else manifest.origin, name)
        workload.references = _references(container, origin, manifest.namespace, config_maps)
        if several:
            workload.unit = manifest.name
            workload.described = f"container '{container['name']}' of {manifest.label}"
        result.append((workload, container))
    return result


def _container(
    manifest: Manifest, container: dict[str, Any], origin: Origin, name: str
) -> Workload:
    return Workload(
        name=name,
        origin=origin,
        what=manifest.kind,
        image=str(container.get("image") or ""),
        one_off=manifest.kind == "Job",
        replicas=_replicas(manifest),
        labels=_labels(manifest),
        ports=_ports(container),
    )


def _container_name(workload: str, container: str) -> str:
    return container if container.startswith(workload) else f"{workload}-{container}"


def _references(
    container: dict[str, Any], origin: Origin, namespace: str | None, config_maps: ConfigMaps
) -> list[Reference]:
    found = []
    for name, value, where in _environment(container, origin, namespace, config_maps):
        if not looks_secret(name):
            found += [Reference(a, where, variable=name) for a in addresses_in(value)]
    return found


def _environment(
    container: dict[str, Any], origin: Origin, namespace: str | None, config_maps: ConfigMaps
) -> list[tuple[str, str, Origin]]:
    values = []
    for index, item in enumerate(sequence(container.get("envFrom"))):
        ref = item.get("configMapRef") if isinstance(item, dict) else None
        if isinstance(ref, dict):
            data = config_maps.get((namespace, str(ref.get("name"))), {})
            values += [(k, v, origin.at("envFrom", index, "configMapRef")) for k, v in data.items()]
    for index, item in enumerate(sequence(container.get("env"))):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        where = origin.at("env", index)
        if item.get("value") is not None:
            values.append((item["name"], str(item["value"]), where.at("value")))
        ref = (
            (item.get("valueFrom") or {}).get("configMapKeyRef")
            if isinstance(item.get("valueFrom"), dict)
            else None
        )
        if isinstance(ref, dict):
            value = config_maps.get((namespace, str(ref.get("name"))), {}).get(str(ref.get("key")))
            if value is not None:
                values.append((item["name"], value, where.at("valueFrom", "configMapKeyRef")))
    return values


def _replicas(manifest: Manifest) -> tuple[int, Origin] | None:
    value = manifest.get("spec", "replicas")
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value, manifest.origin.at("spec", "replicas")
    return None


def _labels(manifest: Manifest) -> dict[str, tuple[str, Origin]]:
    found = {}
    for path in (_template(manifest)[:-1] + ("metadata", "labels"), ("metadata", "labels")):
        labels = manifest.get(*path)
        if isinstance(labels, dict):
            found |= {
                str(k): (str(v), manifest.origin.at(*path, str(k))) for k, v in labels.items()
            }
    return found


def _ports(container: dict[str, Any]) -> set[int]:
    ports = sequence(container.get("ports"))
    return {
        p["containerPort"]
        for p in ports
        if isinstance(p, dict) and isinstance(p.get("containerPort"), int)
    }
