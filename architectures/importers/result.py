"""The second half of the assembly: components, links, the client, and the evidence and
warnings that go with them (rules in `architectures.importers.assembly`)."""

from typing import TYPE_CHECKING, Any

from architectures.model import (
    COMPONENT_NAME_MAX,
    Architecture,
    ArchitectureInvalid,
    Component,
    Kind,
    Link,
    LinkStyle,
    parse_architecture,
    valid_name,
)

from . import inference
from .kinds import Role
from .links import Edge
from .records import DeploymentInvalid, Evidence, Imported, Notice, NoticeKind, Origin
from .workloads import Workload

if TYPE_CHECKING:
    from .assembly import Draft

RUNTIME = (Kind.SERVICE, Kind.GATEWAY)
SUGGESTIONS = {
    "compose": "add `depends_on` to each service for what it calls, or environment "
    "variables naming the hosts it calls (`CARTS_URL=http://carts:80`)",
    "kubernetes": "add environment variables naming the Services each container calls "
    "(`CARTS_ADDR=carts:80`), or describe the links in the builder",
}


# Warnings most likely to change the reading of the review first.
NOTICE_ORDER = (
    NoticeKind.UNRESOLVED_HOST, NoticeKind.NO_LINKS, NoticeKind.INFERRED_LINK,
    NoticeKind.INFERRED_KIND, NoticeKind.ASSUMED, NoticeKind.SPLIT_DATASTORE,
    NoticeKind.EXPOSED_DATA, NoticeKind.LEFT_OUT, NoticeKind.UNSET_VARIABLE,
    NoticeKind.UNREAD_FILE, NoticeKind.IGNORED_DOCUMENT, NoticeKind.IGNORED_KEY,
    NoticeKind.RENAMED,
)  # fmt: skip


def build(draft: "Draft") -> Imported:
    out = _Output(draft)
    for name in draft.kept:
        out.component(name)
    for edge in draft.edges.values():
        out.link(edge)
    out.client()
    out.warn_unlinked()
    out.warn_start_order_only()
    out.warn_assumed()
    architecture = checked(Architecture(tuple(out.components), tuple(out.links)))
    deployment = draft.deployment
    return Imported(
        architecture,
        deployment.format,
        deployment.files,
        tuple(sorted(out.rename_notices() + out.notices, key=lambda n: NOTICE_ORDER.index(n.kind))),
        tuple(out.evidence),
    )


class _Output:
    def __init__(self, draft: "Draft") -> None:
        self.draft = draft
        self.names = _final_names(list(draft.kept))
        taken = set(self.names.values())
        self.client_name = (
            "client" if "client" not in taken else fitting_name("outside client", taken)
        )
        self.components: list[Component] = []
        self.links: list[Link] = []
        self.evidence: list[Evidence] = []
        self.notices: list[Notice] = [_renamed(n, self.names) for n in draft.notices]

    def component(self, name: str) -> None:
        draft, workload = self.draft, self.draft.kept[name]
        final, kind = self.names[name], draft.kinds[name]
        shared = [n for n in draft.kept if draft.units[n] and draft.units[n] == draft.units[name]]
        unit = draft.units[name] if len(shared) > 1 else None
        load, team = inference.load_of(workload), inference.team_of(workload)
        self.components.append(
            Component(
                final, kind, team=team[0][:COMPONENT_NAME_MAX] if team else None,
                load=load[0] if load else None, deploy_unit=unit and unit[:COMPONENT_NAME_MAX],
            )
        )  # fmt: skip
        self._component_evidence(name, workload, load, team)
        if unit:
            others = ", ".join(self.names[n] for n in shared if n != name)
            self.evidence.append(
                Evidence(final, workload.origin, "deploy unit", f"deployed together with {others}")
            )

    def _component_evidence(self, name: str, workload: Workload, load: Any, team: Any) -> None:
        final, kind = self.names[name], self.draft.kinds[name]
        self.evidence.append(
            Evidence(final, workload.origin, "workload", _described(name, workload))
        )
        origin = workload.origin.at("image") if workload.image else workload.origin
        self.evidence.append(Evidence(final, origin, "kind", f"{kind}: {self._why(name, kind)}"))
        for rule, fact in (("load", load), ("team", team)):
            if fact is not None:
                self.evidence.append(Evidence(final, fact[1], rule, fact[2]))

    def _why(self, name: str, kind: Kind) -> str:
        classified = self.draft.classified[name]
        extra = {
            (Role.PROXY, Kind.GATEWAY): "; it fronts services or clients reach it",
            (Role.PROXY, Kind.SERVICE): "; but it fronts nothing, so it only serves files",
            (Role.GATEWAY_NAME, Kind.GATEWAY): "; and clients reach it",
            (Role.GATEWAY_NAME, Kind.SERVICE): "; but it is not published, so a service",
            (Role.REDIS, Kind.BROKER): "; used as a queue",
            (Role.REDIS, Kind.DATASTORE): "; used as a datastore",
        }
        return classified.reason + extra.get((classified.role, kind), "")

    def link(self, edge: Edge) -> None:
        source, target = self.names[edge.source], self.names[edge.target]
        target_kind = self.draft.kinds[edge.target]
        style = LinkStyle.ASYNC if target_kind == Kind.BROKER else LinkStyle.SYNC
        discovery = not any(r.address.literal_ip for r in edge.references)
        self.links.append(Link(source, target, style, discovery=discovery))
        for reference in edge.references:
            self.evidence.append(
                Evidence((source, target), reference.origin, reference.rule, reference.how)
            )
        if edge.inferred_from is not None:
            detail = f"'{target}' is named after '{source}'"
            self.evidence.append(
                Evidence(
                    (source, target),
                    edge.inferred_from,
                    "named after a service",
                    detail,
                    inferred=True,
                )
            )

    def client(self) -> None:
        reached: list[tuple[str, Origin, str]] = []
        for name, workload in self.draft.kept.items():
            if name != workload.name or not workload.entries:
                continue  # a database split from a server is not published itself
            if self.draft.kinds[name] in RUNTIME:
                reached += [(name, origin, detail) for origin, detail in workload.entries]
            else:
                self._exposed(name, workload.entries)
        if not reached:
            return
        client = self.client_name
        self.components.append(Component(client, Kind.CLIENT))
        for name in dict.fromkeys(r[0] for r in reached):
            self.links.append(Link(client, self.names[name]))
        for name, origin, detail in reached:
            self.evidence.append(
                Evidence((client, self.names[name]), origin, "entry point", detail)
            )
        detail = "clients outside reach the entry points"
        self.evidence.append(Evidence(client, reached[0][1], "entry point", detail))

    def _exposed(self, name: str, entries: list[tuple[Origin, str]]) -> None:
        kind, shown = self.draft.kinds[name], self.names[name]
        how = "; ".join(detail for _, detail in entries)
        message = (
            f"The {kind} '{shown}' is reachable from outside ({how}): clients could bypass "
            "the services that own it. Usual only for local development."
        )
        self.notices.append(Notice(NoticeKind.EXPOSED_DATA, message, entries[0][0], (shown,)))

    def warn_unlinked(self) -> None:
        declared = any(e.inferred_from is None for e in self.draft.edges.values())
        if not declared:
            message = (
                "These files declare no link between the workloads: the architecture shows "
                f"what is deployed, not who calls whom. To review the calls, {self._suggestion()}."
            )
            self.notices.append(Notice(NoticeKind.NO_LINKS, message))
        sources = {source for source, _ in self.draft.edges}
        kinds = self.draft.kinds
        routeless = [n for n, k in kinds.items() if k == Kind.GATEWAY and n not in sources]
        for name in routeless:
            self._warn_routeless(name)
        linked = {end for edge in self.draft.edges for end in edge}
        alone = [self.names[n] for n in self.draft.kept if n not in linked and n not in routeless]
        if alone and declared:
            shown = ", ".join(f"'{n}'" for n in alone)
            message = (
                f"No link to or from another workload found for {shown}. If they call or "
                f"serve others, {self._suggestion()}."
            )
            self.notices.append(Notice(NoticeKind.NO_LINKS, message, None, tuple(alone)))

    def _suggestion(self) -> str:
        return SUGGESTIONS.get(self.draft.deployment.format, "describe the links")

    def _warn_routeless(self, name: str) -> None:
        compose = self.draft.deployment.format == "compose"
        how = "add `depends_on` for the services it fronts" if compose else self._suggestion()
        message = (
            f"The gateway '{self.names[name]}' routes to nothing found in these files: its "
            f"routes are in its own configuration, which is not opened. To review them, {how}."
        )
        origin = self.draft.kept[name].origin
        self.notices.append(Notice(NoticeKind.NO_LINKS, message, origin, (self.names[name],)))

    def warn_start_order_only(self) -> None:
        """`depends_on` orders start-up; it is read as a use. Where a workload names its
        other dependencies in variables but a datastore or broker only in depends_on, the
        link may be start-up order alone: say so, since findings rest on it."""
        named = {
            w.name
            for w in self.draft.kept.values()
            if any(r.rule == "environment" for r in w.references)
        }
        doubtful = [
            (self.names[e.source], self.names[e.target])
            for e in self.draft.edges.values()
            if e.source in named and self.draft.kinds[e.target] in (Kind.DATASTORE, Kind.BROKER)
            and e.references and all(r.rule == "depends_on" for r in e.references)
        ]  # fmt: skip
        if doubtful:
            shown = ", ".join(f"'{source}' → '{target}'" for source, target in doubtful)
            message = (
                f"Links known only from depends_on, which orders start-up: {shown}. They are "
                "taken as uses, though these workloads name their other dependencies in "
                "variables; where one only waits for the other, drop the depends_on."
            )
            elements = tuple(dict.fromkeys(name for pair in doubtful for name in pair))
            self.notices.append(Notice(NoticeKind.ASSUMED, message, None, elements))

    def warn_assumed(self) -> None:
        kinds = {c.name: c.kind for c in self.components}
        calls = [
            link for link in self.links
            if kinds[link.source] in RUNTIME and kinds[link.target] in RUNTIME
        ]  # fmt: skip
        if calls:
            message = (
                "Deployment files do not say whether calls have timeouts or circuit breakers: "
                f"the {len(calls)} calls between services are taken to have neither (as "
                "microFreshener assumes). Where the code has them, mark them in the builder."
            )
            self.notices.append(Notice(NoticeKind.ASSUMED, message))

    def rename_notices(self) -> list[Notice]:
        return [
            Notice(NoticeKind.RENAMED, f"'{old}' is shown as '{new}' (names are at most {COMPONENT_NAME_MAX} characters).", None, (new,))
            for old, new in self.names.items()
            if old != new
        ]  # fmt: skip


def _described(name: str, workload: Workload) -> str:
    if name != workload.name:
        return f"a database of {workload.what} '{workload.name}'"
    return workload.described or f"{workload.what} '{workload.name}'"


def _renamed(notice: Notice, names: dict[str, str]) -> Notice:
    elements = tuple(names.get(e, e) for e in notice.elements)
    return Notice(notice.kind, notice.message, notice.origin, elements)


def _final_names(names: list[str]) -> dict[str, str]:
    """Each name as the model accepts it: shortened to fit, made unique."""
    final: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        final[name] = fitting_name(name, taken)
        taken.add(final[name])
    return final


def checked(architecture: Architecture) -> Architecture:
    """The architecture, within the model's limits (the number of components and links)."""
    try:
        return parse_architecture(architecture.to_dict())
    except ArchitectureInvalid as error:
        raise DeploymentInvalid(error.problems) from None


def fitting_name(name: str, taken: set[str]) -> str:
    """The name itself when the model accepts it; else shortened and made unique."""
    if valid_name(name) and name not in taken:
        return name
    cleaned = "".join(c if c.isprintable() else "?" for c in name) or "unnamed"
    base = cleaned[: COMPONENT_NAME_MAX - 4]
    candidate, number = base, 2
    while candidate in taken or not valid_name(candidate):
        candidate = f"{base}~{number}"
        number += 1
    return candidate
