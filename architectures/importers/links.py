"""From references to links: which workload each host names, and what could not be
resolved.

- A host resolves through the directory the reader built: compose service names,
  container names and aliases, Kubernetes Service names in all their DNS forms (a
  Service selecting Pods links to the workloads whose Pods it selects), literal IP
  addresses given to a workload.
- `localhost` inside a Pod (or a compose `network_mode: service:x` group) reaches the
  container of the same unit that listens on the port; otherwise it is the workload
  itself, and no link.
- A URL to a health or metrics endpoint (`/hc`, `/health`, `/metrics`...) or in a
  variable named for health checks is a probe, not a call: no link, and a warning.
- A host that resolves to nothing is warned about when it is clearly an address (a URL,
  `host:port`, a cluster DNS name, a declared dependency, or the value of a variable
  named like `*_URL`, `*_HOST`, `*_ADDR`); a plain word in another variable
  (`MODE=production`) is not a reference at all.
- A workload naming itself makes no link.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from .addresses import address_named, health_named
from .records import Notice, NoticeKind, Origin
from .workloads import Deployment, Reference, Workload


@dataclass
class Edge:
    """A link in the making: every reference from `source` that reached `target`."""

    source: str
    target: str
    references: list[Reference] = field(default_factory=list)
    inferred_from: Origin | None = None  # set for links inferred from names

    @property
    def databases(self) -> set[str]:
        return {r.address.database for r in self.references if r.address.database}


@dataclass
class Resolution:
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)
    notices: list[Notice] = field(default_factory=list)
    unresolved: dict[str, list[Reference]] = field(default_factory=lambda: defaultdict(list))
    probes: dict[str, list[Reference]] = field(default_factory=lambda: defaultdict(list))
    dropped: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, source: str, target: str, reference: Reference, kept: set[str]) -> None:
        if target == source:
            return
        if target not in kept:
            self.dropped[target].append(source)
            return
        edge = self.edges.setdefault((source, target), Edge(source, target))
        edge.references.append(reference)


def resolve(deployment: Deployment, kept: set[str]) -> Resolution:
    """The edges between kept workloads, and notices for every reference left aside."""
    result = Resolution()
    for workload in deployment.workloads:
        if workload.name not in kept:
            continue
        for reference in workload.references:
            if _probe(reference):
                result.probes[workload.name].append(reference)
                continue
            targets = _targets(deployment, workload, reference)
            if targets is None and _meant_as_address(reference):
                result.unresolved[reference.address.host].append(reference)
            for target in targets or []:
                result.add(workload.name, target, reference, kept)
    result.notices += _unresolved_notices(result.unresolved)
    result.notices += _probe_notices(result.probes)
    result.notices += _dropped_notices(result.dropped)
    return result


def _probe(reference: Reference) -> bool:
    named = health_named(reference.variable) and not reference.declared
    return reference.address.health_check or named


def _targets(deployment: Deployment, workload: Workload, reference: Reference) -> list[str] | None:
    """The workloads a reference reaches; None when it reaches nothing deployed."""
    address = reference.address
    if address.loopback:
        return _same_unit(deployment, workload, address.port)
    found = deployment.directory.resolve(address)
    return found or None


def _same_unit(deployment: Deployment, workload: Workload, port: int | None) -> list[str]:
    if workload.unit is None or port is None:
        return []
    return [
        other.name
        for other in deployment.workloads
        if other.unit == workload.unit and other is not workload and port in other.ports
    ]


def _meant_as_address(reference: Reference) -> bool:
    address = reference.address
    return (
        reference.declared
        or address.explicit
        or address.cluster_name
        or address.literal_ip
        or address_named(reference.variable)
    )


def _unresolved_notices(unresolved: dict[str, list[Reference]]) -> list[Notice]:
    notices = []
    for host, references in unresolved.items():
        where = ", ".join(dict.fromkeys(str(r.origin) for r in references))
        what = "the address" if references[0].address.literal_ip else "the host"
        message = (
            f"{what.capitalize()} '{host}' is not deployed in these files (named in {where}): "
            "an external dependency, or a workload missing from the input. No link is drawn."
        )
        notices.append(Notice(NoticeKind.UNRESOLVED_HOST, message, references[0].origin))
    return notices


def _probe_notices(probes: dict[str, list[Reference]]) -> list[Notice]:
    notices = []
    for source, references in probes.items():
        hosts = ", ".join(dict.fromkeys(f"'{r.address.host}'" for r in references))
        message = (
            f"'{source}' names health-check or metrics addresses of {hosts}: probes, not "
            "calls, so they make no link."
        )
        notices.append(Notice(NoticeKind.IGNORED_KEY, message, references[0].origin, (source,)))
    return notices


def _dropped_notices(dropped: dict[str, list[str]]) -> list[Notice]:
    notices = []
    for target, sources in dropped.items():
        names = ", ".join(f"'{s}'" for s in dict.fromkeys(sources))
        message = f"Links from {names} to '{target}' are left out with '{target}' itself."
        notices.append(
            Notice(NoticeKind.LEFT_OUT, message, None, (target, *dict.fromkeys(sources)))
        )
    return notices
