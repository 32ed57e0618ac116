"""The building blocks every proposed architecture is made of: services cut from domains,
their datastores, the links between them, and the teams that own them."""

from collections import Counter
from collections.abc import Iterable, Sequence

import networkx as nx

from architectures.antipatterns.team_rules import COMMON_OWNERSHIP
from architectures.model import Architecture, Component, Kind, Link, LinkStyle, Load
from decider.engine.answers import Answers, Domain

# The catalog counts three services for one team as common ownership, so stop at two.
MAX_SERVICES_PER_TEAM = COMMON_OWNERSHIP - 1
CLIENT, GATEWAY, BROKER = "Client", "API gateway", "Event broker"
APPLICATION, DATABASE = "Application", "Database"
MONOLITH, MONOLITH_DATABASE = "Monolith", "Monolith database"
_NAME_ROOM = 60 - len(" service")
_LOAD_ORDER = (Load.LOW, Load.NORMAL, Load.HIGH)

Group = frozenset[str]


def distributed(
    domains: Sequence[Domain],
    services: list[Component],
    unit_of: dict[str, str],
    monolith_database: str | None = None,
) -> Architecture:
    """Client → gateway → services, each service with its own datastore, events via a broker."""
    stores = [datastore(s, monolith_database) for s in services]
    events = event_links(domains, unit_of)
    broker = [Component(BROKER, Kind.BROKER)] if events else []
    front = [Component(CLIENT, Kind.CLIENT), Component(GATEWAY, Kind.GATEWAY)]
    links = [Link(CLIENT, GATEWAY)]
    links += [resilient(GATEWAY, s.name) for s in services]
    links += [Link(s.name, d.name) for s, d in zip(services, stores, strict=True)]
    links += call_links(domains, unit_of) + events
    return Architecture((*front, *services, *broker, *stores), tuple(links))


def datastore(service: Component, monolith_database: str | None) -> Component:
    if service.name == MONOLITH and monolith_database:
        name = monolith_database
    else:
        name = service.name.removesuffix(" service") + " db"
    return Component(name, Kind.DATASTORE, team=service.team, owner=service.name)


def resilient(source: str, target: str) -> Link:
    return Link(source, target, LinkStyle.SYNC, timeout=True, circuit_breaker=True, discovery=True)


def call_links(domains: Sequence[Domain], unit_of: dict[str, str]) -> list[Link]:
    pairs = dict.fromkeys((unit_of[d.name], unit_of[t]) for d in domains for t in d.depends_on)
    return [resilient(a, b) for a, b in pairs if a != b]


def event_links(domains: Sequence[Domain], unit_of: dict[str, str]) -> list[Link]:
    pairs = [(unit_of[d.name], unit_of[t]) for d in domains for t in d.publishes_to]
    pairs = [(a, b) for a, b in pairs if a != b]
    publishers = dict.fromkeys(a for a, _ in pairs)
    consumers = dict.fromkeys(b for _, b in pairs)
    return [Link(p, BROKER, LinkStyle.ASYNC) for p in publishers] + [
        Link(BROKER, c, LinkStyle.ASYNC) for c in consumers
    ]


def sync_graph(domains: Iterable[Domain]) -> nx.DiGraph:
    graph = nx.DiGraph()
    for index, domain in enumerate(domains):
        graph.add_node(domain.name, index=index)
    graph.add_edges_from((d.name, t) for d in domains for t in d.depends_on)
    return graph


def singletons(domains: Iterable[Domain]) -> list[Group]:
    return [frozenset({d.name}) for d in domains]


def merge_cycles(groups: list[Group], graph: nx.DiGraph) -> list[Group]:
    """Merge groups joined by a sync cycle, so no cycle runs between services."""
    where = {name: i for i, group in enumerate(groups) for name in group}
    quotient = nx.DiGraph()
    quotient.add_nodes_from(range(len(groups)))
    quotient.add_edges_from((where[a], where[b]) for a, b in graph.edges if where[a] != where[b])
    merged = [
        frozenset().union(*(groups[i] for i in part))
        for part in nx.strongly_connected_components(quotient)
    ]
    return sorted(merged, key=lambda g: first_index(g, graph))


def first_index(group: Group, graph: nx.DiGraph) -> int:
    return min(graph.nodes[name]["index"] for name in group)


def named_teams(answers: Answers) -> dict[str, str]:
    return {d.name: d.team for d in answers.domains if d.team}


def owning_team(group: Iterable[str], teams: dict[str, str]) -> str | None:
    counts = Counter(teams[name] for name in group if name in teams)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0] if ranked else None


def group_domains(group: Group, domains: dict[str, Domain]) -> list[Domain]:
    """The group's domains in the order the answers list them."""
    return [d for d in domains.values() if d.name in group]


def highest_load(domains: Iterable[Domain]) -> Load:
    loads = [d.load for d in domains] or [Load.NORMAL]
    return Load(max(loads, key=_LOAD_ORDER.index))


def service_name(domains: Sequence[Domain]) -> str:
    joined = " + ".join(d.name for d in domains)
    if len(joined) > _NAME_ROOM:
        joined = f"{domains[0].name} + {len(domains) - 1} more"
    return f"{joined} service"


def service_for(domains: Sequence[Domain], team: str | None, graph: nx.DiGraph) -> Component:
    name = service_name(domains)
    return Component(
        name,
        Kind.SERVICE,
        team=team,
        load=highest_load(domains),
        deploy_unit=name,
        note=merge_note(domains, team, graph),
        modules=tuple(d.name for d in domains) if len(domains) > 1 else (),
    )


def merge_note(domains: Sequence[Domain], team: str | None, graph: nx.DiGraph) -> str | None:
    if len(domains) < 2:
        return None
    inner = graph.subgraph(d.name for d in domains)
    if any(len(part) > 1 for part in nx.strongly_connected_components(inner)):
        return "Merged: its domains call each other in a sync cycle"
    return f"Merged so that {team} runs at most {MAX_SERVICES_PER_TEAM} services"[:200]
