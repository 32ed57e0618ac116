"""Group modules into candidates: igraph's Louvain on the coupling graph, with pins, as a
consensus over several seeds.

Modules pinned to one name are contracted into a single vertex before clustering, so
they can never be split. Louvain runs once per seed (`SEEDS`); two vertices joined by
an edge stay together when most runs put them together, and the groups are what those
majority edges connect (a vertex with no majority edge joins the group it ran with
most). A module whose run community agrees with its group's in fewer than
`SETTLED_SHARE` of the runs is undecided. Louvain may still put two pin groups into
one community; the unpinned members of such a community then follow the pin group they
are most strongly connected to. Modules with no call and no table at all are unplaced:
a shared library or dead code, not a candidate.
"""

import random
import threading
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import igraph

from architectures.decomposition.graph import CouplingGraph

SEED = 20150901
SEEDS = tuple(SEED + k for k in range(8))
# Placed with its group in at least 6 of 8 runs; below that a module is undecided.
SETTLED_SHARE = 0.75
CONSENSUS_ROUNDS = 5
ROUND_SEEDS = len(SEEDS) // 2  # each consensus round: half the seeds
# igraph draws from one process-wide generator: seeding it and clustering must not
# interleave between two requests, or neither would be reproducible.
_RNG_LOCK = threading.Lock()


@dataclass(frozen=True)
class Group:
    modules: tuple[int, ...]
    pin: str | None = None


@dataclass(frozen=True)
class Clustering:
    groups: tuple[Group, ...]
    # Per table: the index of the group its vertex was put in, if one.
    table_home: tuple[int | None, ...]
    unplaced: tuple[int, ...]  # modules with no edge at all
    undecided: frozenset[int]  # modules the runs disagree about


@dataclass(frozen=True)
class Contracted:
    """The coupling graph with each pin group made one vertex."""

    graph: CouplingGraph
    vertex_of: list[int]
    size: int
    edges: list[tuple[int, int]]
    weights: list[float]
    pinned: dict[int, str]


def contract(graph: CouplingGraph, pins: Mapping[str, str]) -> Contracted:
    index = {name: i for i, name in enumerate(graph.modules)}
    pinned = {index[m]: pins[m] for m in pins if m in index}
    vertex_of: list[int] = []
    pin_vertex: dict[str, int] = {}
    size = 0
    for v in range(graph.size):
        pin = pinned.get(v)
        if pin is not None and pin in pin_vertex:
            vertex_of.append(pin_vertex[pin])
            continue
        if pin is not None:
            pin_vertex[pin] = size
        vertex_of.append(size)
        size += 1
    summed: Counter[tuple[int, int]] = Counter()
    for (a, b), weight in zip(graph.edges, graph.weights, strict=True):
        va, vb = vertex_of[a], vertex_of[b]
        if va != vb:
            summed[(min(va, vb), max(va, vb))] += weight
    edges = sorted(summed)
    return Contracted(graph, vertex_of, size, edges, [summed[e] for e in edges], pinned)


def louvain(contracted: Contracted, resolution: float, seed: int = SEED) -> list[int]:
    """One Louvain run over the contracted vertices; the same seed gives the same answer."""
    g = igraph.Graph(n=contracted.size, edges=contracted.edges, directed=False)
    with _RNG_LOCK:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            clusters = g.community_multilevel(weights=contracted.weights, resolution=resolution)
        finally:
            igraph.set_random_number_generator(random)
    return clusters.membership


def cluster(
    graph: CouplingGraph,
    *,
    resolution: float,
    pins: Mapping[str, str],
    seeds: Sequence[int] = SEEDS,
) -> Clustering:
    """Partition the modules of `graph`; the same input always gives the same groups."""
    contracted = contract(graph, pins)
    runs = [louvain(contracted, resolution, seed) for seed in seeds]
    membership = consensus(contracted, runs, resolution)
    degree = _module_degrees(graph)
    n = len(graph.modules)
    unplaced = tuple(m for m in range(n) if degree[m] == 0 and m not in contracted.pinned)
    communities: dict[int, list[int]] = defaultdict(list)
    for module in sorted(set(range(n)) - set(unplaced)):
        communities[membership[contracted.vertex_of[module]]].append(module)
    community_of = [membership[v] for v in contracted.vertex_of]
    pull = _pin_pull(graph, contracted.pinned, community_of)
    split = {c: _split_by_pins(ms, contracted.pinned, pull) for c, ms in communities.items()}
    groups = sorted((g for gs in split.values() for g in gs), key=lambda g: g.modules[0])
    position = {g.modules[0]: i for i, g in enumerate(groups)}
    home = {c: position[gs[0].modules[0]] for c, gs in split.items() if len(gs) == 1}
    tables = range(n, graph.size)
    undecided = _undecided(contracted, membership, runs, set(unplaced))
    table_home = tuple(home.get(membership[contracted.vertex_of[t]]) for t in tables)
    return Clustering(tuple(groups), table_home, unplaced, undecided)


def consensus(contracted: Contracted, runs: Sequence[list[int]], resolution: float) -> list[int]:
    """One membership from several runs (Lancichinetti and Fortunato, "Consensus clustering
    in complex networks", 2012): weigh each edge by the share of runs that put its ends
    together, drop those below one half, cluster that graph again with the same seeds, and
    repeat until the runs agree."""
    current = [_canonical(r) for r in runs]
    edges = contracted.edges
    for _ in range(CONSENSUS_ROUNDS):
        if all(r == current[0] for r in current[1:]):
            break
        together = [sum(r[a] == r[b] for r in current) / len(current) for a, b in edges]
        kept = [(e, w) for e, w in zip(edges, together, strict=True) if w >= 0.5]
        edges = [e for e, _ in kept]
        agreed = Contracted(
            contracted.graph,
            contracted.vertex_of,
            contracted.size,
            edges,
            [w for _, w in kept],
            contracted.pinned,
        )
        # The thresholded graph is far more clear-cut than the original: half the seeds
        # are enough to see whether the runs now agree.
        current = [_canonical(louvain(agreed, resolution, SEED + k)) for k in range(ROUND_SEEDS)]
    first = [sum(r[a] == r[b] for r in runs) / len(runs) for a, b in contracted.edges]
    return _attach_loners(contracted, current[0], first)


def _canonical(membership: list[int]) -> list[int]:
    """Number communities by first appearance, so equal splits compare equal."""
    seen: dict[int, int] = {}
    return [seen.setdefault(c, len(seen)) for c in membership]


def _attach_loners(
    contracted: Contracted, membership: list[int], together: list[float]
) -> list[int]:
    """A vertex without a majority edge joins the neighbouring group it ran with most."""
    sizes = Counter(membership)
    pull: dict[int, Counter[int]] = defaultdict(Counter)
    for (a, b), share in zip(contracted.edges, together, strict=True):
        if sizes[membership[a]] == 1 and sizes[membership[b]] > 1:
            pull[a][membership[b]] += share
        if sizes[membership[b]] == 1 and sizes[membership[a]] > 1:
            pull[b][membership[a]] += share
    for vertex, groups in pull.items():
        membership[vertex] = min(groups, key=lambda g: (-groups[g], g))
    return membership


def _undecided(
    contracted: Contracted, membership: list[int], runs: Sequence[list[int]], unplaced: set[int]
) -> frozenset[int]:
    """Modules whose run community is not their group's plurality one often enough."""
    if len(runs) == 1:
        return frozenset()
    members: dict[int, list[int]] = defaultdict(list)
    for v, group in enumerate(membership):
        members[group].append(v)
    agreed = Counter()
    for run in runs:
        plurality = {
            g: Counter(run[v] for v in vs).most_common(1)[0][0] for g, vs in members.items()
        }
        for v, group in enumerate(membership):
            agreed[v] += run[v] == plurality[group]
    settled = {v for v in range(contracted.size) if agreed[v] >= SETTLED_SHARE * len(runs)}
    n = len(contracted.graph.modules)
    return frozenset(
        m for m in range(n) if contracted.vertex_of[m] not in settled and m not in unplaced
    )


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
