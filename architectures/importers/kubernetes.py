"""Kubernetes manifests (several documents, several files; the output of `helm template`
or `kubectl kustomize` is plain manifests) into an architecture for review.

- Workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) give
  one component per container (`kubernetes_pods`); a Job runs once and is left out.
- A Service selecting Pods makes its DNS names (`carts`, `carts.shop`,
  `carts.shop.svc.cluster.local`) reach the containers behind it: the one serving its
  target port, else the Pod's main container. Its cluster IP reaches them too, without
  discovery. LoadBalancer and NodePort Services are entry points.
- An Ingress is a gateway, an entry point, linked to the Services of its backends.
- A HorizontalPodAutoscaler sets the load of what it scales.
- ConfigMaps are read only as the environment of the containers that use them. Other
  kinds (ServiceAccount, NetworkPolicy, Secret, CRDs...) are listed in one warning;
  Secrets are never read.
"""

from collections import Counter
from collections.abc import Sequence
from typing import Any

from architectures.input_formats import Upload
from architectures.model import Kind
from architectures.problems import Problem

from .addresses import Address
from .assembly import assemble
from .kubernetes_pods import (
    WORKLOAD_KINDS,
    ConfigMaps,
    Manifest,
    init_containers,
    mapping,
    pod_labels,
    pod_workloads,
    sequence,
)
from .records import DeploymentInvalid, Imported, Notice, NoticeKind, Origin
from .workloads import Deployment, Reference, Workload
from .yaml_documents import Document, check_sizes, load_documents

FORMAT = "kubernetes"
EXPOSING_TYPES = ("LoadBalancer", "NodePort")
CONTAINER_KEYS = frozenset({"name", "image", "env", "envFrom", "ports"})
MAX_STATEFUL_NAMES = 20


def import_kubernetes(uploads: Sequence[Upload]) -> Imported:
    check_sizes(uploads)
    problems: list[Problem] = []
    manifests = [m for u in uploads for d in load_documents(u) for m in _manifests(d, problems)]
    if problems:
        raise DeploymentInvalid(problems)
    if not manifests:
        raise DeploymentInvalid([Problem(("file",), "No Kubernetes object found.", "missing")])
    reader = _Reader(manifests, Deployment(FORMAT, tuple(u.name for u in uploads if u.name)))
    reader.read()
    if reader.problems:
        raise DeploymentInvalid(reader.problems)
    return assemble(reader.deployment)


def _manifests(document: Document, problems: list[Problem]) -> list[Manifest]:
    origin = Origin(document.file, (), document.index if document.of > 1 else None)
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
        message = "Each document is an object with a `kind`."
        problems.append(Problem(origin.at("kind").loc(), message, "missing"))
        return []
    if data["kind"].endswith("List") and isinstance(data.get("items"), list):
        return _items(document, data["items"], origin, problems)
    metadata = data.get("metadata")
    name = metadata.get("name") if isinstance(metadata, dict) else None
    if not isinstance(name, str) or not name:
        message = "Each object needs a name."
        problems.append(Problem(origin.at("metadata", "name").loc(), message, "missing"))
        return []
    namespace = metadata.get("namespace")
    namespace = namespace if isinstance(namespace, str) else None
    return [Manifest(data["kind"], name, namespace, data, origin)]


def _items(
    document: Document, items: list[Any], origin: Origin, problems: list[Problem]
) -> list[Manifest]:
    """The objects of a `List` (what `kubectl get -o yaml` prints), each at its index."""
    found = []
    for index, item in enumerate(items):
        inner = Document(document.file, document.index, item, document.of)
        found += [
            Manifest(m.kind, m.name, m.namespace, m.body, origin.at("items", index))
            for m in _manifests(inner, problems)
        ]
    return found


class _Reader:
    def __init__(self, manifests: list[Manifest], deployment: Deployment) -> None:
        self.manifests = manifests
        self.deployment = deployment
        self.problems: list[Problem] = []
        # Each Pod template, its labels, and the workloads its containers became.
        self.pods: list[tuple[Manifest, dict[str, str], list[tuple[Workload, dict[str, Any]]]]] = []
        self.ignored: Counter[str] = Counter()
        self.unread_keys: Counter[str] = Counter()
        self.config_maps: ConfigMaps = {
            (m.namespace, m.name): {str(k): str(v) for k, v in (m.get("data") or {}).items()}
            for m in manifests
            if m.kind == "ConfigMap" and isinstance(m.get("data"), dict)
        }

    def read(self) -> None:
        handlers = {
            "Service": self._service,
            "Ingress": self._ingress,
            "HorizontalPodAutoscaler": self._autoscaler,
        }
        for manifest in self.manifests:
            if manifest.kind in WORKLOAD_KINDS:
                self._workload(manifest)
        for manifest in self.manifests:
            if manifest.kind in handlers:
                handlers[manifest.kind](manifest)
            elif manifest.kind not in WORKLOAD_KINDS and manifest.kind != "ConfigMap":
                self.ignored[manifest.kind] += 1
        self._notices()

    def _workload(self, manifest: Manifest) -> None:
        found = pod_workloads(manifest, self.config_maps, self.problems)
        for _, container in found:
            self.unread_keys.update(str(k) for k in container if str(k) not in CONTAINER_KEYS)
        taken = {w.name for w in self.deployment.workloads}
        for workload, _ in found:
            if workload.name in taken:
                workload.name = f"{workload.name} ({manifest.kind}{', ' + manifest.namespace if manifest.namespace else ''})"
            self.deployment.workloads.append(workload)
        self.pods.append((manifest, pod_labels(manifest), found))
        if (
            manifest.kind == "StatefulSet"
            and isinstance(manifest.get("spec", "serviceName"), str)
            and found
        ):
            count = manifest.get("spec", "replicas")
            count = count if isinstance(count, int) and 0 < count <= MAX_STATEFUL_NAMES else 1
            for index in range(count):
                host = f"{manifest.name}-{index}.{manifest.get('spec', 'serviceName')}"
                self._add_names(host, manifest.namespace, [found[0][0].name])

    def _service(self, manifest: Manifest) -> None:
        selector = manifest.get("spec", "selector")
        if not isinstance(selector, dict) or not selector:
            self._notice_unselected(
                manifest,
                "has no selector: its endpoints are set by hand, so its name reaches nothing here",
            )
            return
        targets = self._selected(manifest, {str(k): str(v) for k, v in selector.items()})
        if not targets:
            self._notice_unselected(manifest, "selects no Pod in these files")
            return
        names = [t.name for t in targets]
        self._add_names(manifest.name, manifest.namespace, names)
        cluster_ip = manifest.get("spec", "clusterIP")
        if isinstance(cluster_ip, str) and cluster_ip not in ("", "None"):
            self.deployment.directory.add_address(cluster_ip, *names)
        service_type = manifest.get("spec", "type")
        if service_type in EXPOSING_TYPES:
            for target in targets:
                target.entries.append(
                    (manifest.origin.at("spec", "type"), f"{manifest.label} of type {service_type}")
                )

    def _selected(self, service: Manifest, selector: dict[str, str]) -> list[Workload]:
        wanted = _target_ports(service)
        found = []
        for pod, labels, containers in self.pods:
            if not containers or not _same_namespace(pod, service):
                continue  # a template without containers runs nothing a Service reaches
            if not selector.items() <= labels.items():
                continue
            serving = [w for w, body in containers if wanted & (w.ports | set(_port_names(body)))]
            found += serving or [containers[0][0]]
        return found

    def _ingress(self, manifest: Manifest) -> None:
        gateway = Workload(
            name=manifest.name, origin=manifest.origin, what="Ingress", fixed_kind=Kind.GATEWAY,
            entries=[(manifest.origin, f"{manifest.label}")],
        )  # fmt: skip
        if any(w.name == gateway.name for w in self.deployment.workloads):
            gateway.name = f"{manifest.name} (ingress)"
        for service, origin in _backends(manifest):
            address = Address(service, explicit=True)
            gateway.references.append(
                Reference(address, origin, declared=True, rule="ingress backend")
            )
        self.deployment.workloads.append(gateway)

    def _autoscaler(self, manifest: Manifest) -> None:
        target = mapping(manifest.get("spec", "scaleTargetRef"))
        high = manifest.get("spec", "maxReplicas")
        low = manifest.get("spec", "minReplicas") or 1
        matched = [
            containers for pod, _, containers in self.pods
            if pod.kind == target.get("kind") and pod.name == target.get("name")
            and _same_namespace(pod, manifest)
        ]  # fmt: skip
        if not matched or not isinstance(high, int) or not isinstance(low, int):
            message = (
                f"{manifest.label} scales {target.get('kind', '?')} '{target.get('name', '?')}', "
                "which is not in these files: not read."
            )
            self.deployment.notices.append(
                Notice(NoticeKind.IGNORED_DOCUMENT, message, manifest.origin)
            )
            return
        for workload, _ in matched[0]:
            workload.autoscaler = (low, high, manifest.origin.at("spec"))

    def _add_names(self, host: str, namespace: str | None, targets: list[str]) -> None:
        directory = self.deployment.directory
        directory.add_name(host, *targets)
        for space in [namespace] if namespace else ["default"]:
            for suffix in ("", ".svc", ".svc.cluster.local"):
                directory.add_name(f"{host}.{space}{suffix}", *targets)

    def _notice_unselected(self, manifest: Manifest, why: str) -> None:
        message = f"{manifest.label} {why}."
        self.deployment.notices.append(
            Notice(NoticeKind.IGNORED_DOCUMENT, message, manifest.origin)
        )

    def _notices(self) -> None:
        notices = self.deployment.notices
        if self.unread_keys:
            listed = ", ".join(
                f"{key} ({count})" for key, count in sorted(self.unread_keys.items())
            )
            message = (
                f"Container keys not read: {listed}. Addresses written in `command` or `args` "
                "are not found; name them in `env` to have them read."
            )
            notices.append(Notice(NoticeKind.IGNORED_KEY, message))
        if self.ignored:
            listed = ", ".join(f"{count} {kind}" for kind, count in sorted(self.ignored.items()))
            message = (
                f"Not read: {listed}. They do not change the reviewed architecture"
                + (" (Secrets are never read)" if "Secret" in self.ignored else "")
                + "; timeouts, retries and circuit breakers set in service-mesh objects are not read either."
            )
            notices.append(Notice(NoticeKind.IGNORED_DOCUMENT, message))
        inits = [
            f"{pod.name}: {', '.join(names)}"
            for pod, _, _ in self.pods
            if (names := init_containers(pod))
        ]
        if inits:
            message = f"Init containers, which run before their Pod starts, are not components: {'; '.join(inits)}."
            notices.append(Notice(NoticeKind.IGNORED_KEY, message))


def _same_namespace(a: Manifest, b: Manifest) -> bool:
    return a.namespace is None or b.namespace is None or a.namespace == b.namespace


def _target_ports(service: Manifest) -> set[int | str]:
    ports = [mapping(p) for p in sequence(service.get("spec", "ports"))]
    wanted = [p.get("targetPort", p.get("port")) for p in ports]
    return {w for w in wanted if isinstance(w, int | str)}


def _port_names(container: dict[str, Any]) -> list[str]:
    return [
        str(p["name"])
        for p in sequence(container.get("ports"))
        if isinstance(p, dict) and p.get("name")
    ]


def _backends(ingress: Manifest) -> list[tuple[str, Origin]]:
    """The Services an Ingress routes to (networking.k8s.io/v1 and the older v1beta1)."""
    spec = mapping(ingress.get("spec"))
    found = []
    for key in ("defaultBackend", "backend"):
        found += _backend(spec.get(key), ingress.origin.at("spec", key))
    for r, rule in enumerate(sequence(spec.get("rules"))):
        paths = sequence(mapping(mapping(rule).get("http")).get("paths"))
        for p, path in enumerate(paths):
            origin = ingress.origin.at("spec", "rules", r, "http", "paths", p, "backend")
            found += _backend(path.get("backend") if isinstance(path, dict) else None, origin)
    return found


def _backend(backend: Any, origin: Origin) -> list[tuple[str, Origin]]:
    if not isinstance(backend, dict):
        return []
    service = backend.get("service")
    name = service.get("name") if isinstance(service, dict) else backend.get("serviceName")
    return [(str(name), origin)] if name else []
