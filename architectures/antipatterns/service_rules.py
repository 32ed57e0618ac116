"""Detectors over the services themselves: how they are cut, sized and built."""

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, finding, names
from architectures.antipatterns.registry import ARCHITECTURE, CONTEXT, Evidence, rule
from architectures.antipatterns.severity import Severity
from architectures.model import Architecture, Kind, Layer

MEGA_STORES = 3
MEGA_LINKS = 6
MEGA_FACTOR = 3
GREEDY_PER_TEAM = 3
MAX_ENGINES = 3


@rule("wrong-cuts", needs=ARCHITECTURE)
def wrong_cuts(architecture: Architecture) -> list[Finding]:
    found = []
    layered = topology.layer_services(architecture)
    if len(layered) >= 2:
        message = (
            f"{names(layered)} are cut by technical layer (presentation or data) rather "
            "than by business capability: every feature has to change several of them."
        )
        found.append(finding("wrong-cuts", message, layered))
    found += [_data_front(architecture, s.name) for s in topology.services(architecture)]
    return [f for f in found if f is not None]


def _data_front(architecture: Architecture, service: str) -> Finding | None:
    """A data-layer service whose only job is to front one datastore for several callers."""
    if architecture.by_name[service].layer != Layer.DATA:
        return None
    callees = {link.target for link in architecture.links if link.source == service}
    stores = topology.datastores_of(architecture, service)
    callers = list(
        dict.fromkeys(link.source for link in architecture.links if link.target == service)
    )
    if len(stores) != 1 or callees - set(stores) or len(callers) < 2:
        return None
    message = (
        f"'{service}' is a data-layer service that only fronts '{stores[0]}' for "
        f"{names(callers)}: the data is cut away from the logic that uses it."
    )
    return finding("wrong-cuts", message, (service, stores[0], *callers))


@rule("megaservice", needs=ARCHITECTURE)
def megaservice(architecture: Architecture) -> list[Finding]:
    # A single service is the monolith by design, not a megaservice among services.
    if len(topology.services(architecture)) < 2:
        return []
    found = [_mega(architecture, s.name) for s in topology.services(architecture)]
    return [f for f in found if f is not None]


def _mega(architecture: Architecture, service: str) -> Finding | None:
    stores = topology.datastores_of(architecture, service)
    links = topology.degrees(architecture)[service]
    busy = links >= MEGA_LINKS and links >= MEGA_FACTOR * topology.median_degree(architecture)
    many_stores = len(stores) >= MEGA_STORES
    reasons = []
    if many_stores:
        reasons.append(f"uses {len(stores)} datastores ({names(stores)})")
    if busy:
        reasons.append(f"has {links} links, far more than the other services")
    if not reasons:
        return None
    severity = Severity.HIGH if busy and many_stores else None
    message = f"'{service}' {' and '.join(reasons)}: it does the work of several services."
    return finding("megaservice", message, (service, *stores), severity=severity)


@rule("microservice-greedy", needs=ARCHITECTURE)
def microservice_greedy(architecture: Architecture) -> list[Finding]:
    return _tiny_services(architecture) + _greedy_teams(architecture)


def _tiny_services(architecture: Architecture) -> list[Finding]:
    # A lone service is the whole application, however small.
    if len(topology.services(architecture)) < 2:
        return []
    found = [_tiny(architecture, s.name) for s in topology.services(architecture)]
    return [f for f in found if f is not None]


def _tiny(architecture: Architecture, service: str) -> Finding | None:
    callers = {link.source for link in architecture.links if link.target == service}
    callees = {link.target for link in architecture.links if link.source == service}
    callers -= {c.name for c in architecture.of_kind(Kind.DATASTORE)}
    if topology.datastores_of(architecture, service) or callees or len(callers) != 1:
        return None
    (caller,) = callers
    message = (
        f"'{service}' has no datastore, no calls of its own and a single caller, "
        f"'{caller}': it is too small to be worth a deployment of its own."
    )
    return finding("microservice-greedy", message, (service, caller))


def _greedy_teams(architecture: Architecture) -> list[Finding]:
    kinds = architecture.by_name
    found = []
    for team, members in topology.team_of(architecture).items():
        owned = [m for m in members if kinds[m].kind == Kind.SERVICE]
        if len(owned) > GREEDY_PER_TEAM:
            message = f"Team '{team}' runs {len(owned)} services, {names(owned)}: more than three per team."
            found.append(finding("microservice-greedy", message, members))
    return found


@rule("too-many-technologies", needs=ARCHITECTURE | CONTEXT)
def too_many_technologies(evidence: Evidence) -> list[Finding]:
    architecture = evidence.architecture
    teams = evidence.teams or max(len(topology.team_of(architecture)), 1)
    return _languages(architecture, teams) + _engines(architecture)


def _languages(architecture: Architecture, teams: int) -> list[Finding]:
    limit = max(2, teams / 2)
    by_language: dict[str, list[str]] = {}
    for component in architecture.components:
        if component.language:
            by_language.setdefault(component.language.casefold(), []).append(component.name)
    if len(by_language) <= limit:
        return []
    used = sorted({c.language for c in architecture.components if c.language})
    message = (
        f"Components are written in {len(by_language)} languages ({', '.join(used)}) "
        f"for {teams} team(s): more than {limit:g} stacks to hire for and support."
    )
    return [
        finding("too-many-technologies", message, [n for ns in by_language.values() for n in ns])
    ]


def _engines(architecture: Architecture) -> list[Finding]:
    by_engine: dict[str, list[str]] = {}
    for store in architecture.of_kind(Kind.DATASTORE):
        if store.engine:
            by_engine.setdefault(store.engine.casefold(), []).append(store.name)
    if len(by_engine) <= MAX_ENGINES:
        return []
    used = sorted({s.engine for s in architecture.of_kind(Kind.DATASTORE) if s.engine})
    message = f"{len(by_engine)} datastore engines ({', '.join(used)}): more than three to run."
    return [finding("too-many-technologies", message, [n for ns in by_engine.values() for n in ns])]
