"""Group modules into candidates: igraph's Louvain on the coupling graph, with pins.

Modules pinned to one name are contracted into a single vertex before clustering, so
they can never be split. Louvain may still put two pin groups into one community; the
unpinned members of such a community then follow the pin group they are most strongly
connected to. Modules with no call and no table at all form one group of their own
instead of a crowd of one-module candidates.
"""

import random
import threading
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import igraph

from architectures.decomposition.graph import CouplingGraph

SEED = 20150901
# igraph draws from one process-wide generator: seeding it and clustering must not
# interleave between two requests, or neither would be reproducible.
_RNG_LOCK = threading.Lock()


@dataclass(frozen=True)
class Group:
    modules: tuple[int, ...]
    pin: str | None = None
    isolated: bool = False


@dataclass(frozen=True)
class Clustering:
    groups: tuple[Group, ...]
    # Per table: the index of the group Louvain put the table's vertex in, if one.
    table_home: tuple[int | None, ...]


def cluster(graph: CouplingGraph, *, resolution: float, pins: Mapping[str, str]) -> Clustering:
    """Partition the modules of `graph`; the same input always gives the same groups."""
    n = len(graph.modules)
    pinned = {i: pins[m] for i, m in _pinned(graph, pins)}
    vertex_of, pin_of_vertex = _contraction(graph, pinned)
    membership = _louvain(graph, vertex_of, len(pin_of_vertex), resolution)
    degree = _module_degrees(graph)
    communities: dict[int, list[int]] = defaultdict(list)
    isolated: list[int] = []
    for module in range(n):
        if degree[module] == 0 and module not in pinned:
            isolated.append(module)
        else:
            communities[membership[vertex_of[module]]].append(module)
    community_of = [membership[v] for v in vertex_of]
    pull = _pin_pull(graph, pinned, community_of)
    split = {c: _split_by_pins(members, pinned, pull) for c, members in communities.items()}
    groups = sorted((g for gs in split.values() for g in gs), key=lambda g: g.modules[0])
    if isolated:
        groups.append(Group(tuple(isolated), isolated=True))
    position = {g.modules[0]: i for i, g in enumerate(groups)}
    home = {c: position[gs[0].modules[0]] for c, gs in split.items() if len(gs) == 1}
    tables = range(len(graph.modules), graph.size)
    return Clustering(tuple(groups), tuple(home.get(membership[vertex_of[t]]) for t in tables))


def _pinned(graph: CouplingGraph, pins: Mapping[str, str]) -> list[tuple[int, str]]:
    index = {name: i for i, name in enumerate(graph.modules)}
    return [(index[m], m) for m in pins if m in index]


def _contraction(
    graph: CouplingGraph, pinned: dict[int, str]
) -> tuple[list[int], list[str | None]]:
    """Map every vertex to a contracted vertex; each pin name becomes one vertex."""
    vertex_of: list[int] = []
    pin_of_vertex: list[str | None] = []
    pin_vertex: dict[str, int] = {}
    for v in range(graph.size):
        pin = pinned.get(v)
        if pin is not None and pin in pin_vertex:
            vertex_of.append(pin_vertex[pin])
            continue
        if pin is not None:
            pin_vertex[pin] = len(pin_of_vertex)
        vertex_of.append(len(pin_of_vertex))
        pin_of_vertex.append(pin)
    return vertex_of, pin_of_vertex


def _louvain(graph: CouplingGraph, vertex_of: list[int], size: int, resolution: float) -> list[int]:
    edges = [(vertex_of[a], vertex_of[b]) for a, b in graph.edges]
    g = igraph.Graph(n=size, edges=edges, directed=False)
    with _RNG_LOCK:
        igraph.set_random_number_generator(random.Random(SEED))
        try:
            clusters = g.community_multilevel(weights=graph.weights, resolution=resolution)
        finally:
            igraph.set_random_number_generator(random)
    return clusters.membership


def _module_degrees(graph: CouplingGraph) -> Counter[int]:
    degree: Counter[int] = Counter()
    for a, b in graph.edges:
        degree[a] += 1
        degree[b] += 1
    return degree


def _pin_pull(
    graph: CouplingGraph, pinned: dict[int, str], community_of: list[int]
) -> dict[int, Counter[str]]:
    """For each unpinned module, the weight of its direct links to each pin name's
    modules in its own community: one pass over the edges, however many pins."""
    pull: dict[int, Counter[str]] = defaultdict(Counter)
    if not pinned:
        return pull
    for (a, b), weight in zip(graph.edges, graph.weights, strict=True):
        if (a in pinned) != (b in pinned) and community_of[a] == community_of[b]:
            free, anchor = (b, a) if a in pinned else (a, b)
            pull[free][pinned[anchor]] += weight
    return pull


def _split_by_pins(
    members: list[int], pinned: dict[int, str], pull: dict[int, Counter[str]]
) -> list[Group]:
    names = sorted({pinned[m] for m in members if m in pinned})
    if len(names) <= 1:
        return [Group(tuple(members), names[0] if names else None)]
    sizes = Counter(pinned[m] for m in members if m in pinned)
    fallback = min(names, key=lambda name: (-sizes[name], name))
    by_pin: dict[str, list[int]] = defaultdict(list)
    for m in members:
        pulls = pull.get(m)
        follows = min(pulls, key=lambda name: (-pulls[name], name)) if pulls else fallback
        by_pin[pinned.get(m) or follows].append(m)
    return [Group(tuple(by_pin[name]), name) for name in names]
