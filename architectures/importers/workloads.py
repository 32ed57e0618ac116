"""What the compose and Kubernetes readers hand over: the workloads found, with the
references between them and where each fact was read, and a directory of the names
(and literal addresses) under which each workload can be reached.

Both readers fill these; `architectures.importers.assembly` turns them into an
architecture with the same rules whatever the format.
"""

from dataclasses import dataclass, field

from architectures.model import Kind

from .addresses import Address
from .records import Notice, Origin


@dataclass(frozen=True)
class Reference:
    """One workload naming another: a host in an environment value, or a declared
    dependency (`depends_on`, `links`, an Ingress backend)."""

    address: Address
    origin: Origin
    variable: str = ""  # the variable or key whose value named it, never the value
    declared: bool = False  # depends_on, links, a route: the file says so outright
    rule: str = "environment"  # the reading rule that found it, for the evidence

    @property
    def how(self) -> str:
        if self.declared:
            return f"declared in {self.origin.dotted_key}"
        return f"{self.variable or self.origin.dotted_key} names '{self.address.host}'"


@dataclass
class Workload:
    name: str
    origin: Origin
    what: str  # how the input calls it: "compose service", "Deployment", "Ingress"...
    described: str = ""  # how the evidence names it, when not "<what> '<name>'"
    image: str = ""
    fixed_kind: Kind | None = None  # an Ingress is a gateway whatever its name
    one_off: bool = False  # a Kubernetes Job runs once
    unit: str | None = None  # shared deploy unit: containers of one Pod, network_mode
    references: list[Reference] = field(default_factory=list)
    entries: list[tuple[Origin, str]] = field(default_factory=list)  # where it is published
    replicas: tuple[int, Origin] | None = None
    autoscaler: tuple[int, int, Origin] | None = None  # min, max replicas
    labels: dict[str, tuple[str, Origin]] = field(default_factory=dict)
    ports: set[int] = field(default_factory=set)  # ports it listens on


@dataclass
class Directory:
    """Host names and literal IP addresses, each mapped to the workloads it reaches."""

    names: dict[str, list[str]] = field(default_factory=dict)
    addresses: dict[str, list[str]] = field(default_factory=dict)

    def add_name(self, host: str, *workloads: str) -> None:
        known = self.names.setdefault(host.lower().rstrip("."), [])
        known.extend(w for w in workloads if w not in known)

    def add_address(self, ip: str, *workloads: str) -> None:
        known = self.addresses.setdefault(ip, [])
        known.extend(w for w in workloads if w not in known)

    def resolve(self, address: Address) -> list[str]:
        table = self.addresses if address.literal_ip else self.names
        return table.get(address.host.strip("[]"), [])


@dataclass
class Deployment:
    """Everything a reader found, in the order it was found."""

    format: str
    files: tuple[str, ...]
    workloads: list[Workload] = field(default_factory=list)
    directory: Directory = field(default_factory=Directory)
    notices: list[Notice] = field(default_factory=list)

    def workload(self, name: str) -> Workload | None:
        return next((w for w in self.workloads if w.name == name), None)
