"""The architecture Decider proposes for a style, built from the answers' domains.

Every proposal avoids the anti-patterns it can: one datastore per service, clients only
through the gateway, resilient and discovered sync calls, no sync cycle between services,
one deployment unit per service, and no team running more than it can.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

import networkx as nx

from architectures.model import NOTE_MAX, Architecture, Component, Kind, Link, LinkStyle, Load
from decider.engine.answers import Answers, Domain
from decider.engine.choices import LABELS, ExistingSystem, Op, Style
from decider.engine.factors import SERVICES_PER_TEAM, services_per_team

# The catalog counts three services for one team as common ownership, so stop at two.
MAX_SERVICES_PER_TEAM = 2
MAX_FIRST_EXTRACTIONS = 2
CLIENT, GATEWAY, BROKER = "Client", "API gateway", "Event broker"
APPLICATION, DATABASE = "Application", "Database"
MONOLITH, MONOLITH_DATABASE = "Monolith", "Monolith database"
_NAME_ROOM = 60 - len(" service")
_LOAD_ORDER = (Load.LOW, Load.NORMAL, Load.HIGH)

Group = frozenset[str]


def propose(answers: Answers, style: Style, *, build_first: Sequence[Op] = ()) -> Architecture:
    """The architecture for `style`: the shape the verdict recommends, drawn from domains.

    A fleet far larger than its teams is drawn consolidated (each component says from
    how many services); a migration that must build missing prerequisites says so on the
    monolith it starts from."""
    if style in (Style.MONOLITH, Style.MODULAR_MONOLITH):
        drawn = _monolith(answers, modular=style == Style.MODULAR_MONOLITH)
    elif style == Style.MICROSERVICES:
        drawn = _microservices(answers)
    else:
        drawn = _incremental_migration(answers, build_first)
    return _consolidated(drawn, answers)


def consolidates(answers: Answers) -> int | None:
    """How many of today's services the proposal merges, when they far outnumber teams."""
    if answers.existing_system != ExistingSystem.MICROSERVICES:
        return None
    # The engine's own measure, so the drawing and the verdict agree on what is too many.
    ratio = services_per_team(vars(answers))
    return answers.services_today if ratio is not None and ratio > SERVICES_PER_TEAM else None


def _consolidated(architecture: Architecture, answers: Answers) -> Architecture:
    fleet = consolidates(answers)
    if fleet is None:
        return architecture
    services = [c for c in architecture.components if c.kind == Kind.SERVICE]
    note = f"Consolidates today's {fleet} services" + (
        f" into {len(services)}" if len(services) > 1 else " into one deployable"
    )
    components = tuple(
        replace(c, note="; ".join(filter(None, (note, c.note)))[:NOTE_MAX])
        if c.kind == Kind.SERVICE
        else c
        for c in architecture.components
    )
    return replace(architecture, components=components)


def _monolith(answers: Answers, *, modular: bool) -> Architecture:
    names = tuple(d.name for d in answers.domains)
    teams = {d.team for d in answers.domains}
    note = "One deployable; module boundaries enforced" if modular else "One deployable"
    app = Component(
        APPLICATION,
        Kind.SERVICE,
        team=teams.pop() if len(teams) == 1 else None,
        load=_load(answers.domains),
        deploy_unit=APPLICATION,
        note=note,
        modules=names,
    )
    database = Component(
        DATABASE,
        Kind.DATASTORE,
        team=app.team,
        owner=APPLICATION,
        note="One schema per module" if modular else None,
        modules=names if modular else (),
    )
    links = (Link(CLIENT, APPLICATION), Link(APPLICATION, DATABASE))
    return Architecture((Component(CLIENT, Kind.CLIENT), app, database), links)


def _microservices(answers: Answers) -> Architecture:
    domains = {d.name: d for d in answers.domains}
    graph = _sync_graph(answers.domains)
    groups = _merge_cycles(_singletons(answers.domains), graph)
    # Teams Decider had to assume only size the services; components show named teams only.
    named = _named_teams(answers)
    groups = _capped_groups(groups, graph, named, _domain_teams(answers))
    services = [_service(_group_domains(g, domains), _team(g, named), graph) for g in groups]
    unit_of = {name: services[i].name for i, g in enumerate(groups) for name in g}
    return _distributed(answers.domains, services, unit_of)


def _monolith_note(build_first: Sequence[Op]) -> str:
    note = "The existing monolith: its remaining modules move out one at a time"
    if build_first:
        note = "First build " + ", ".join(LABELS[op] for op in build_first) + "; then: " + note
    return note[:NOTE_MAX]


def _incremental_migration(answers: Answers, build_first: Sequence[Op] = ()) -> Architecture:
    domains = {d.name: d for d in answers.domains}
    teams = _named_teams(answers)
    graph = _sync_graph(answers.domains)
    groups = _merge_cycles(_singletons(answers.domains), graph)
    chosen = _first_extractions(groups, graph, domains, teams)
    extracted = [_extracted(g, domains, teams, graph, groups) for g in chosen]
    remaining = [d for d in answers.domains if not any(d.name in g for g in chosen)]
    monolith = Component(
        MONOLITH,
        Kind.SERVICE,
        team=_team(frozenset(d.name for d in remaining), teams),
        load=_load(remaining),
        deploy_unit=MONOLITH,
        note=_monolith_note(build_first),
        modules=tuple(d.name for d in remaining),
    )
    unit_of = {d.name: MONOLITH for d in remaining}
    unit_of |= {name: extracted[i].name for i, g in enumerate(chosen) for name in g}
    return _distributed(answers.domains, [monolith, *extracted], unit_of, MONOLITH_DATABASE)


def _distributed(
    domains: Sequence[Domain],
    services: list[Component],
    unit_of: dict[str, str],
    monolith_database: str | None = None,
) -> Architecture:
    """Client → gateway → services, each service with its own datastore, events via a broker."""
    stores = [_datastore(s, monolith_database) for s in services]
    events = _event_links(domains, unit_of)
    broker = [Component(BROKER, Kind.BROKER)] if events else []
    front = [Component(CLIENT, Kind.CLIENT), Component(GATEWAY, Kind.GATEWAY)]
    links = [Link(CLIENT, GATEWAY)]
    links += [_resilient(GATEWAY, s.name) for s in services]
    links += [Link(s.name, d.name) for s, d in zip(services, stores, strict=True)]
    links += _call_links(domains, unit_of) + events
    return Architecture((*front, *services, *broker, *stores), tuple(links))


def _datastore(service: Component, monolith_database: str | None) -> Component:
    if service.name == MONOLITH and monolith_database:
        name = monolith_database
    else:
        name = service.name.removesuffix(" service") + " db"
    return Component(name, Kind.DATASTORE, team=service.team, owner=service.name)


def _resilient(source: str, target: str) -> Link:
    return Link(source, target, LinkStyle.SYNC, timeout=True, circuit_breaker=True, discovery=True)


def _call_links(domains: Sequence[Domain], unit_of: dict[str, str]) -> list[Link]:
    pairs = dict.fromkeys((unit_of[d.name], unit_of[t]) for d in domains for t in d.depends_on)
    return [_resilient(a, b) for a, b in pairs if a != b]


def _event_links(domains: Sequence[Domain], unit_of: dict[str, str]) -> list[Link]:
    pairs = [(unit_of[d.name], unit_of[t]) for d in domains for t in d.publishes_to]
    pairs = [(a, b) for a, b in pairs if a != b]
    publishers = dict.fromkeys(a for a, _ in pairs)
    consumers = dict.fromkeys(b for _, b in pairs)
    return [Link(p, BROKER, LinkStyle.ASYNC) for p in publishers] + [
        Link(BROKER, c, LinkStyle.ASYNC) for c in consumers
    ]


def _sync_graph(domains: Iterable[Domain]) -> nx.DiGraph:
    graph = nx.DiGraph()
    for index, domain in enumerate(domains):
        graph.add_node(domain.name, index=index)
    graph.add_edges_from((d.name, t) for d in domains for t in d.depends_on)
    return graph


def _singletons(domains: Iterable[Domain]) -> list[Group]:
    return [frozenset({d.name}) for d in domains]


def _merge_cycles(groups: list[Group], graph: nx.DiGraph) -> list[Group]:
    """Merge groups joined by a sync cycle, so no cycle runs between services."""
    where = {name: i for i, group in enumerate(groups) for name in group}
    quotient = nx.DiGraph()
    quotient.add_nodes_from(range(len(groups)))
    quotient.add_edges_from((where[a], where[b]) for a, b in graph.edges if where[a] != where[b])
    merged = [
        frozenset().union(*(groups[i] for i in part))
        for part in nx.strongly_connected_components(quotient)
    ]
    return sorted(merged, key=lambda g: _first_index(g, graph))


def _capped_groups(
    groups: list[Group], graph: nx.DiGraph, named: dict[str, str], assumed: dict[str, str]
) -> list[Group]:
    """Merge each overloaded team's two smallest services until none runs more than the cap.

    A service belongs to the team named on its domains, as its component will show, and
    only without one to the team Decider assumed."""
    while True:
        owned: dict[str, list[Group]] = defaultdict(list)
        for group in groups:
            owned[_team(group, named) or _team(group, assumed)].append(group)
        over = sorted(t for t, gs in owned.items() if len(gs) > MAX_SERVICES_PER_TEAM)
        if not over:
            return groups
        smallest = sorted(owned[over[0]], key=lambda g: (len(g), _first_index(g, graph)))[:2]
        rest = [g for g in groups if g not in smallest]
        groups = _merge_cycles([*rest, smallest[0] | smallest[1]], graph)


def _first_index(group: Group, graph: nx.DiGraph) -> int:
    return min(graph.nodes[name]["index"] for name in group)


def _named_teams(answers: Answers) -> dict[str, str]:
    return {d.name: d.team for d in answers.domains if d.team}


def _domain_teams(answers: Answers) -> dict[str, str]:
    """Each domain's team: its own, or one of `answers.teams` generated teams, in order."""
    explicit = {d.name: d.team for d in answers.domains if d.team}
    unowned = [name for name in _linked_order(answers.domains) if name not in explicit]
    if not unowned:
        return explicit
    spare = max(1, answers.teams - len(set(explicit.values())))
    generated = {n: f"Team {i * spare // len(unowned) + 1}" for i, n in enumerate(unowned)}
    return explicit | generated


def _linked_order(domains: Sequence[Domain]) -> list[str]:
    """Domain names with linked domains next to each other (breadth first from the first
    listed), so generated teams own domains that work together, not neighbours in a list."""
    graph = nx.Graph()
    graph.add_nodes_from(d.name for d in domains)
    graph.add_edges_from((d.name, t) for d in domains for t in (*d.depends_on, *d.publishes_to))
    order: list[str] = []
    for domain in domains:
        if domain.name not in order:
            order += [domain.name, *(v for _, v in nx.bfs_edges(graph, domain.name))]
    return order


def _team(group: Iterable[str], teams: dict[str, str]) -> str | None:
    counts = Counter(teams[name] for name in group if name in teams)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0] if ranked else None


def _group_domains(group: Group, domains: dict[str, Domain]) -> list[Domain]:
    """The group's domains in the order the answers list them."""
    return [d for d in domains.values() if d.name in group]


def _load(domains: Iterable[Domain]) -> Load:
    loads = [d.load for d in domains] or [Load.NORMAL]
    return Load(max(loads, key=_LOAD_ORDER.index))


def _service_name(domains: Sequence[Domain]) -> str:
    joined = " + ".join(d.name for d in domains)
    if len(joined) > _NAME_ROOM:
        joined = f"{domains[0].name} + {len(domains) - 1} more"
    return f"{joined} service"


def _service(domains: Sequence[Domain], team: str | None, graph: nx.DiGraph) -> Component:
    name = _service_name(domains)
    return Component(
        name,
        Kind.SERVICE,
        team=team,
        load=_load(domains),
        deploy_unit=name,
        note=_merge_note(domains, team, graph),
        modules=tuple(d.name for d in domains) if len(domains) > 1 else (),
    )


def _merge_note(domains: Sequence[Domain], team: str | None, graph: nx.DiGraph) -> str | None:
    if len(domains) < 2:
        return None
    inner = graph.subgraph(d.name for d in domains)
    if any(len(part) > 1 for part in nx.strongly_connected_components(inner)):
        return "Merged: its domains call each other in a sync cycle"
    return f"Merged so that {team} runs at most {MAX_SERVICES_PER_TEAM} services"[:200]


def _first_extractions(
    groups: list[Group], graph: nx.DiGraph, domains: dict[str, Domain], teams: dict[str, str]
) -> list[Group]:
    """The slices to carve off first: high load first, then its own team, then fewest calls."""
    if len(groups) < 2:
        return []
    ranked = sorted(groups, key=lambda g: _extraction_rank(g, graph, domains, teams, groups))
    # A source or sink of the condensed call graph always exists and never closes a cycle
    # through the monolith, so the first pick is always safe.
    chosen = [ranked[0]]
    limit = min(MAX_FIRST_EXTRACTIONS, len(groups) - 1)
    for group in ranked[1:]:
        if len(chosen) >= limit or not _is_high(ranked[0], domains):
            break
        if _is_high(group, domains) and _acyclic_after([*chosen, group], graph):
            chosen.append(group)
    return chosen


def _extraction_rank(
    group: Group,
    graph: nx.DiGraph,
    domains: dict[str, Domain],
    teams: dict[str, str],
    groups: list[Group],
) -> tuple:
    creates_cycle = not _acyclic_after([group], graph)
    return (
        creates_cycle,
        not _is_high(group, domains),
        not _has_own_team(group, teams, groups),
        _sync_degree(group, graph),
        _first_index(group, graph),
    )


def _acyclic_after(extracted: list[Group], graph: nx.DiGraph) -> bool:
    unit = {name: i for i, group in enumerate(extracted) for name in group}
    quotient = nx.DiGraph()
    edges = ((unit.get(a, MONOLITH), unit.get(b, MONOLITH)) for a, b in graph.edges)
    quotient.add_edges_from((a, b) for a, b in edges if a != b)
    return nx.is_directed_acyclic_graph(quotient)


def _is_high(group: Group, domains: dict[str, Domain]) -> bool:
    return any(domains[name].load == Load.HIGH for name in group)


def _has_own_team(group: Group, teams: dict[str, str], groups: list[Group]) -> bool:
    team = _team(group, teams)
    if team is None:
        return False
    return not any(teams.get(n) == team for other in groups if other != group for n in other)


def _sync_degree(group: Group, graph: nx.DiGraph) -> int:
    return sum(1 for a, b in graph.edges if (a in group) != (b in group))


def _extracted(
    group: Group,
    domains: dict[str, Domain],
    teams: dict[str, str],
    graph: nx.DiGraph,
    groups: list[Group],
) -> Component:
    service = _service(_group_domains(group, domains), _team(group, teams), graph)
    reasons = []
    if _is_high(group, domains):
        reasons.append("high load, so it scales out apart from the monolith")
    if _has_own_team(group, teams, groups):
        reasons.append(f"its own team ({service.team})")
    calls = _sync_degree(group, graph)
    reasons.append(f"{calls} sync dependenc{'y' if calls == 1 else 'ies'} to cut")
    return replace(service, note=("Extracted first: " + "; ".join(reasons))[:200])
