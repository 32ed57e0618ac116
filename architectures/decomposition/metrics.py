"""Quality metrics of a decomposition, as DECOMPOSITION.md defines them.

Every function takes the directed module calls as {(caller, callee): count} over module
indices (self-calls are ignored: they never cross a boundary) and `candidate_of`, the
candidate index of each module (-1 for an unplaced module, which no metric counts: it has
no call). Each is a few dictionary passes, linear in the calls.
"""

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Calls = Mapping[tuple[int, int], int]

SIZE_MIN = 5
SIZE_MAX = 20


@dataclass(frozen=True)
class Metrics:
    structural_modularity: float
    inter_call_percentage: float
    interface_number: float
    non_extreme_distribution: float
    # Modules whose candidate the runs of the clustering disagree about.
    undecided: int = 0

    def to_dict(self) -> dict[str, float]:
        return {
            "undecided": self.undecided,
            "structural_modularity": round(self.structural_modularity, 4),
            "inter_call_percentage": round(self.inter_call_percentage, 4),
            "interface_number": round(self.interface_number, 4),
            "non_extreme_distribution": round(self.non_extreme_distribution, 4),
        }


def measure(calls: Calls, candidate_of: Sequence[int], *, undecided: int = 0) -> Metrics:
    if all(c < 0 for c in candidate_of):
        return Metrics(0.0, 0.0, 0.0, 0.0, undecided)
    return Metrics(
        structural_modularity=structural_modularity(calls, candidate_of),
        inter_call_percentage=inter_call_percentage(calls, candidate_of),
        interface_number=interface_number(calls, candidate_of),
        non_extreme_distribution=non_extreme_distribution(candidate_of),
        undecided=undecided,
    )


def _sizes(candidate_of: Sequence[int]) -> Counter[int]:
    return Counter(c for c in candidate_of if c >= 0)


def structural_modularity(calls: Calls, candidate_of: Sequence[int]) -> float:
    """Structural modularity SM (Jin et al., IEEE TSE 2019); higher is better.

    With K candidates and N_i modules in candidate i: cohesion_i = μ_i / N_i², μ_i the
    number of unordered module pairs inside i linked by at least one call (either
    direction); coupling_ij = σ_ij / (2 N_i N_j), σ_ij the number of module pairs across
    i and j linked by a call. SM = (1/K) Σ_i cohesion_i − (1 / (K(K−1)/2)) Σ_{i≠j}
    coupling_ij, the sum over ordered pairs (so each unordered pair adds σ_ij / (N_i N_j));
    the second term is 0 when K = 1.
    """
    sizes = _sizes(candidate_of)
    k = len(sizes)
    linked = {(min(a, b), max(a, b)) for a, b in calls if a != b}
    inside: Counter[int] = Counter()
    across: Counter[tuple[int, int]] = Counter()
    for a, b in linked:
        ca, cb = candidate_of[a], candidate_of[b]
        if ca == cb:
            inside[ca] += 1
        else:
            across[(min(ca, cb), max(ca, cb))] += 1
    cohesion = sum(inside[c] / sizes[c] ** 2 for c in sizes) / k
    if k == 1:
        return cohesion
    # Each unordered pair stands for the two ordered terms of the sum: 2 · σ/(2 N_i N_j).
    coupling = sum(sigma / (sizes[i] * sizes[j]) for (i, j), sigma in across.items())
    return cohesion - coupling / (k * (k - 1) / 2)


def inter_call_percentage(calls: Calls, candidate_of: Sequence[int]) -> float:
    """Inter-call percentage ICP (Kalia et al., Mono2Micro, FSE 2021); lower is better.

    The weight of the call edges between candidates over the weight of all call edges,
    each directed edge (caller, callee) weighing ln(count) + 1. A fraction in [0, 1];
    0 when there are no calls.
    """
    total = between = 0.0
    for (a, b), count in calls.items():
        if a == b:
            continue
        weight = math.log(count) + 1
        total += weight
        if candidate_of[a] != candidate_of[b]:
            between += weight
    return between / total if total else 0.0


def interface_number(calls: Calls, candidate_of: Sequence[int]) -> float:
    """Interface number IFN (Jin et al., IEEE TSE 2019); lower is better.

    The average over the K candidates of the number of its modules called from another
    candidate (its interface modules).
    """
    interfaces = {b for a, b in calls if candidate_of[a] != candidate_of[b]}
    return len(interfaces) / len(_sizes(candidate_of))


def non_extreme_distribution(candidate_of: Sequence[int]) -> float:
    """Non-extreme distribution NED (Mono2Micro's convention); lower is better.

    1 − (modules in candidates of 5 to 20 modules) / (all modules).
    """
    sizes = _sizes(candidate_of)
    moderate = sum(n for n in sizes.values() if SIZE_MIN <= n <= SIZE_MAX)
    return 1 - moderate / sum(sizes.values())
