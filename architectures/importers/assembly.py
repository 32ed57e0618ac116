"""Turning the workloads a reader found into an architecture, the same way for every
format:

1. Every workload becomes a component, except load generators, one-off jobs and tools
   (`architectures.importers.kinds`); a Kubernetes Job is a one-off job.
2. References become links (`architectures.importers.links`); a datastore serving
   several named databases splits into one datastore per database
   (`inference.split_databases`).
3. Kinds follow `kinds` and the rules of `inference` (redis as a broker, proxies and
   gateway names as gateways when they front something).
4. A datastore no workload declares using, named after one service, is linked to it;
   the link is marked as inferred (`inference.owner_by_name`).
5. A link to a broker is async, any other sync. `discovery` is true when every
   reference reaches the target by a name (DNS: a compose service name, a Kubernetes
   Service), false when one uses a literal IP address. Timeouts and circuit breakers
   are not visible in deployment files: they stay false, and a warning says so.
6. Entry points (published ports, LoadBalancer and NodePort Services, Ingress) become
   one client linked to each service or gateway it reaches; a published datastore or
   broker is warned about instead.
7. `deploy_unit` is kept where two components share one (containers of one Pod,
   compose's `network_mode: service:x`, the databases of one server); `load` and `team`
   come from `inference.load_of` and `inference.team_of`.
"""

from architectures.model import Kind

from . import inference
from .kinds import Classified, Role, classify
from .links import Edge, resolve
from .records import Imported, Notice, NoticeKind
from .result import build
from .workloads import Deployment, Reference, Workload


def assemble(deployment: Deployment) -> Imported:
    draft = Draft(deployment)
    draft.classify()
    draft.link()
    draft.decide_kinds()
    draft.infer_owners()
    return build(draft)


class Draft:
    def __init__(self, deployment: Deployment) -> None:
        self.deployment = deployment
        self.notices: list[Notice] = list(deployment.notices)
        self.classified: dict[str, Classified] = {}
        self.kept: dict[str, Workload] = {}
        self.kinds: dict[str, Kind] = {}
        self.units: dict[str, str | None] = {}
        self.edges: dict[tuple[str, str], Edge] = {}

    def classify(self) -> None:
        left_out: dict[Role, list[Workload]] = {}
        for workload in self.deployment.workloads:
            found = classify(workload.name, workload.image)
            if workload.one_off and workload.fixed_kind is None:
                found = Classified(Role.ONE_OFF, f"{workload.what} runs once")
            if workload.fixed_kind is not None:
                found = Classified(Role.SERVICE, f"every {workload.what} is a gateway")
            self.classified[workload.name] = found
            if found.role.left_out:
                left_out.setdefault(found.role, []).append(workload)
            else:
                self.kept[workload.name] = workload
                self.units[workload.name] = workload.unit
        for role, workloads in left_out.items():
            self.notices.append(_left_out(role, workloads, self.classified))

    def link(self) -> None:
        resolution = resolve(self.deployment, set(self.kept))
        self.notices += resolution.notices
        self.edges = resolution.edges
        by_target: dict[str, list[Edge]] = {}
        for edge in self.edges.values():
            by_target.setdefault(edge.target, []).append(edge)
        for target, edges in by_target.items():
            databases = inference.split_databases(edges)
            if databases:
                self._split(target, edges, databases)

    def _split(self, server: str, edges: list[Edge], databases: dict[str, str]) -> None:
        for edge in edges:
            del self.edges[(edge.source, server)]
            for target, references in _by_database(edge, server, databases).items():
                self.edges[(edge.source, target)] = Edge(edge.source, target, references)
        workload = self.kept[server]
        for name in dict.fromkeys(databases.values()):
            self.kept[name] = workload
            self.units[name] = server
            self.classified[name] = Classified(Role.DATASTORE, f"a database served by '{server}'")
        self.units[server] = server
        if not any(target == server for _, target in self.edges):
            del self.kept[server]
        shown = ", ".join(f"'{n}'" for n in dict.fromkeys(databases.values()))
        message = (
            f"'{server}' serves several databases, each used on its own: {shown}. Each is "
            f"a datastore deployed in '{server}'; sharing a server is not sharing data."
        )
        self.notices.append(Notice(NoticeKind.SPLIT_DATASTORE, message, workload.origin, (server,)))

    def decide_kinds(self) -> None:
        for name, workload in self.kept.items():
            if workload.fixed_kind is not None and name == workload.name:
                self.kinds[name] = workload.fixed_kind
                continue
            role = self.classified[name].role
            users = [e for e in self.edges.values() if e.target == name]
            broker = inference.redis_as_broker(name, users) if role == Role.REDIS else None
            targets = [self.classified[t].role for (s, t) in self.edges if s == name]
            published = bool(workload.entries) or any(
                self.kept[e.source].fixed_kind == Kind.GATEWAY for e in users
            )
            fronts = inference.proxy_fronts(published, targets)
            self.kinds[name] = inference.kind_of_role(
                role, published=published, fronts=fronts, broker_reason=broker
            )
            if broker:
                message = f"'{name}' runs redis and is taken as a broker (a queue): {broker}."
                self.notices.append(
                    Notice(NoticeKind.INFERRED_KIND, message, workload.origin, (name,))
                )

    def infer_owners(self) -> None:
        services = [n for n, k in self.kinds.items() if k == Kind.SERVICE]
        for name, kind in list(self.kinds.items()):
            if kind != Kind.DATASTORE or any(t == name for _, t in self.edges):
                continue
            owner = inference.owner_by_name(name, services)
            if owner is None:
                continue
            origin = self.kept[name].origin
            self.edges[(owner, name)] = Edge(owner, name, inferred_from=origin)
            message = (
                f"'{owner}' is linked to '{name}' because the datastore is named after it; "
                "no file says so. Declare it (depends_on, or a variable naming the host) "
                "to be sure."
            )
            self.notices.append(Notice(NoticeKind.INFERRED_LINK, message, origin, (owner, name)))


def _left_out(role: Role, workloads: list[Workload], classified: dict[str, Classified]) -> Notice:
    names = ", ".join(f"'{w.name}' ({classified[w.name].reason})" for w in workloads)
    why = {
        Role.LOAD_GENERATOR: "it drives the system rather than being part of it",
        Role.ONE_OFF: "it runs once to prepare data, it serves nothing",
        Role.TOOL: "it watches or administers the system rather than being part of it",
    }[role]
    message = f"Left out as {role}: {names}; {why}."
    return Notice(
        NoticeKind.LEFT_OUT, message, workloads[0].origin, tuple(w.name for w in workloads)
    )


def _by_database(edge: Edge, server: str, databases: dict[str, str]) -> dict[str, list[Reference]]:
    """The references of an edge to a split server, by the database each names; those
    naming none (depends_on) go with the databases the same source uses, else the server."""
    groups: dict[str, list[Reference]] = {}
    plain = []
    for reference in edge.references:
        target = databases.get(reference.address.database or "")
        if target is None:
            plain.append(reference)
        else:
            groups.setdefault(target, []).append(reference)
    if not groups:
        return {server: plain}
    return {target: references + plain for target, references in groups.items()}
