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


def cluster(graph: CouplingGraph, *, resolution: float, pins: Mapping[str, str]) -> list[Group]:
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
    groups = [g for members in communities.values() for g in _split_by_pins(graph, members, pinned)]
    if isolated:
        groups.append(Group(tuple(isolated), isolated=True))
    return sorted(groups, key=lambda g: g.modules[0])


def _pinned(graph: CouplingGraph, pins: Mapping[str, str]) -> list[tuple[int, str]]:
    index = {name: i for i, name in enumerate(graph.modules)}
    return [(index[m], m) for m in pins if m in index]


def _contraction(graph: CouplingGraph, pinned: dict[int, str]) -> tuple[list[int], list[str | None]]:
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


def _split_by_pins(graph: CouplingGraph, members: list[int], pinned: dict[int, str]) -> list[Group]:
    names = sorted({pinned[m] for m in members if m in pinned})
    if len(names) <= 1:
        return [Group(tuple(members), names[0] if names else None)]
    follows = _strongest_pin(graph, members, pinned, names)
    by_pin: dict[str, list[int]] = defaultdict(list)
    for m in members:
        by_pin[pinned.get(m) or follows[m]].append(m)
    return [Group(tuple(by_pin[name]), name) for name in names]


def _strongest_pin(
    graph: CouplingGraph, members: list[int], pinned: dict[int, str], names: list[str]
) -> dict[int, str]:
    """Each unpinned member's pin name by the weight of its direct links to pinned modules."""
    inside = set(members)
    pull: dict[int, Counter[str]] = defaultdict(Counter)
    for (a, b), weight in zip(graph.edges, graph.weights, strict=True):
        if a in inside and b in inside and (a in pinned) != (b in pinned):
            free, anchor = (b, a) if a in pinned else (a, b)
            pull[free][pinned[anchor]] += weight
    sizes = Counter(pinned[m] for m in members if m in pinned)
    fallback = min(names, key=lambda name: (-sizes[name], name))
    return {
        m: min(pull[m], key=lambda name: (-pull[m][name], name)) if pull[m] else fallback
        for m in members
        if m not in pinned
    }
