"""How far a split is from a reference split: MoJoFM and the adjusted Rand index.

A split maps each module to the label of its group. Only modules in both splits count.

- MoJoFM (Wen and Tzerpos, 2004), 0 to 100, higher is closer: 100 × (1 − mno(A, B) /
  max mno(·, B)). mno(A, B), the fewest moves and joins turning A into B, is computed as
  in their "optimal algorithm for MoJo distance": each group of A is tagged with the
  reference groups it shares most modules with; mno = moves + |A| − g, where moves are
  the modules outside each group's tag and g the largest number of reference groups
  that can each be matched to a distinct group of A among its tags (a maximum bipartite
  matching). The worst A is n − g*, with g* grown over the reference group sizes in
  ascending order (their MoJoCalculator's `maxDistanceTo`).
- The adjusted Rand index (Hubert and Arabie, 1985), 1 for the same split, about 0 for
  a random one: agreement on pairs of modules, corrected for chance.
"""

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from math import comb

import networkx as nx

Labels = Mapping[str, Hashable]


def mojo_fm(split: Labels, reference: Labels) -> float:
    common = split.keys() & reference.keys()
    if len(common) < 2:
        return 100.0
    worst = _worst_mno(Counter(reference[m] for m in common), len(common))
    return 100.0 * (1 - mno(split, reference) / worst) if worst else 100.0


def mno(split: Labels, reference: Labels) -> int:
    """The fewest move and join operations turning `split` into `reference`."""
    common = split.keys() & reference.keys()
    overlap: dict[Hashable, Counter[Hashable]] = defaultdict(Counter)
    for module in common:
        overlap[split[module]][reference[module]] += 1
    moves = 0
    tags = nx.Graph()
    for group, counts in overlap.items():
        best = max(counts.values())
        moves += sum(counts.values()) - best
        tags.add_node(("a", group))
        tags.add_edges_from((("a", group), ("b", r)) for r, n in counts.items() if n == best)
    left = {node for node in tags if node[0] == "a"}
    matching = nx.bipartite.hopcroft_karp_matching(tags, top_nodes=left)
    matched = sum(1 for node in matching if node[0] == "a")
    return moves + len(overlap) - matched


def _worst_mno(sizes: Counter[Hashable], n: int) -> int:
    groups = 0
    for size in sorted(sizes.values()):
        if groups < size:
            groups += 1
    return n - groups


def adjusted_rand_index(split: Labels, reference: Labels) -> float:
    common = sorted(split.keys() & reference.keys())
    n = len(common)
    if n < 2:
        return 1.0
    cells = Counter((split[m], reference[m]) for m in common)
    rows = Counter(split[m] for m in common)
    columns = Counter(reference[m] for m in common)
    index = sum(comb(c, 2) for c in cells.values())
    row_pairs = sum(comb(c, 2) for c in rows.values())
    column_pairs = sum(comb(c, 2) for c in columns.values())
    expected = row_pairs * column_pairs / comb(n, 2)
    best = (row_pairs + column_pairs) / 2
    if best == expected:
        return 1.0
    return (index - expected) / (best - expected)
