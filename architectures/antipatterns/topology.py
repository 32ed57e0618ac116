"""Views of an architecture that several detectors share: who calls whom, who uses what.

Graph questions go to networkx; this module only builds the graphs.
"""

from collections import Counter
from statistics import median

import networkx as nx

from architectures.model import Architecture, Component, Kind, Layer, Link, LinkStyle

# Components that run code and can therefore hold a datastore connection.
RUNTIME_KINDS = (Kind.SERVICE, Kind.GATEWAY, Kind.ESB)
ROUTER_KINDS = (Kind.GATEWAY, Kind.ESB)


def kind_of(architecture: Architecture, name: str) -> Kind:
    return architecture.by_name[name].kind


def services(architecture: Architecture) -> list[Component]:
    return architecture.of_kind(Kind.SERVICE)


def service_links(architecture: Architecture, *styles: LinkStyle) -> list[Link]:
    """Direct links from a service to another service, of the given styles."""
    kinds = architecture.by_name
    return [
        link
        for link in architecture.links
        if link.style in styles
        and link.source != link.target
        and kinds[link.source].kind == Kind.SERVICE
        and kinds[link.target].kind == Kind.SERVICE
    ]


def call_graph(architecture: Architecture, *styles: LinkStyle) -> nx.DiGraph:
    """Services as nodes, direct service-to-service links of `styles` as edges."""
    graph = nx.DiGraph()
    graph.add_nodes_from(c.name for c in services(architecture))
    graph.add_edges_from(
        (link.source, link.target) for link in service_links(architecture, *styles)
    )
    return graph


def cycles(graph: nx.DiGraph) -> list[tuple[str, ...]]:
    """Every strongly connected set of two or more services, each in a stable order."""
    found = [c for c in nx.strongly_connected_components(graph) if len(c) >= 2]
    ordered = [tuple(n for n in graph if n in component) for component in found]
    return sorted(ordered, key=lambda members: list(graph).index(members[0]))


def longest_chain(graph: nx.DiGraph) -> tuple[str, ...]:
    """The services on the longest call path, a cycle counting as all its members."""
    dag = nx.condensation(graph)
    if not dag:
        return ()
    start = object()
    weighted = nx.DiGraph()
    for node, members in dag.nodes(data="members"):
        weighted.add_edge(start, node, weight=len(members))
    for source, target in dag.edges:
        weighted.add_edge(source, target, weight=len(dag.nodes[target]["members"]))
    path = nx.dag_longest_path(weighted, weight="weight")[1:]
    members = set().union(*(dag.nodes[n]["members"] for n in path))
    return tuple(n for n in graph if n in members)


def users(architecture: Architecture, datastore: str) -> list[str]:
    """Services, gateways and buses linked to the datastore, in component order."""
    linked = {link.source for link in architecture.links if link.target == datastore}
    linked |= {link.target for link in architecture.links if link.source == datastore}
    return [c.name for c in architecture.of_kind(*RUNTIME_KINDS) if c.name in linked]


def owner(architecture: Architecture, datastore: Component) -> str | None:
    """The datastore's declared owner, else its only user."""
    if datastore.owner:
        return datastore.owner
    only = users(architecture, datastore.name)
    return only[0] if len(only) == 1 else None


def datastores_of(architecture: Architecture, service: str) -> list[str]:
    stores = {c.name for c in architecture.of_kind(Kind.DATASTORE)}
    linked = {link.target for link in architecture.links if link.source == service}
    linked |= {link.source for link in architecture.links if link.target == service}
    return [name for name in architecture.by_name if name in stores & linked]


def shared_datastores(architecture: Architecture) -> dict[str, list[str]]:
    """Each datastore used by more than one runtime component, with its users."""
    used = {c.name: users(architecture, c.name) for c in architecture.of_kind(Kind.DATASTORE)}
    return {name: who for name, who in used.items() if len(who) > 1}


def shared_deploy_units(architecture: Architecture) -> dict[str, list[str]]:
    """Each deploy unit shared by two or more services, with those services."""
    units: dict[str, list[str]] = {}
    for service in services(architecture):
        if service.deploy_unit:
            units.setdefault(service.deploy_unit, []).append(service.name)
    return {unit: members for unit, members in units.items() if len(members) > 1}


def layer_services(architecture: Architecture) -> list[str]:
    """Services cut by technical layer (presentation or data)."""
    layers = (Layer.PRESENTATION, Layer.DATA)
    return [c.name for c in services(architecture) if c.layer in layers]


def degrees(architecture: Architecture) -> Counter[str]:
    """How many links touch each service."""
    names = {c.name for c in services(architecture)}
    ends = [end for link in architecture.links for end in (link.source, link.target)]
    counts = Counter(end for end in ends if end in names)
    return Counter({name: counts[name] for name in names})


def median_degree(architecture: Architecture) -> float:
    counts = degrees(architecture)
    return median(counts.values()) if counts else 0.0


def team_of(architecture: Architecture) -> dict[str, list[str]]:
    """Each team with its components, in component order."""
    teams: dict[str, list[str]] = {}
    for component in architecture.components:
        if component.team:
            teams.setdefault(component.team, []).append(component.name)
    return teams
