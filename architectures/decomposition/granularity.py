"""How fine to split when no resolution is given, by a stated criterion.

- With `teams`: candidates a team can own. The resolution whose candidate count comes
  nearest to one candidate per team (ties: the better modularity).
- Otherwise: the best modularity with no candidate holding more than `LARGEST_SHARE` of
  the code (lines when every module has them, else modules). Louvain at resolution 1
  maximises modularity; finer resolutions are tried in turn only while the largest
  candidate is still too large, so a codebase with one dominant cluster is split further
  and a well-modularised one keeps its natural grain.

Each resolution is tried with one Louvain run (the consensus over seeds runs once, at
the chosen resolution).
"""

from collections import Counter
from dataclasses import dataclass

import igraph

from architectures.decomposition.clustering import Contracted, louvain

RESOLUTION_MIN = 0.05
RESOLUTION_MAX = 100.0
# Finer and coarser steps of the search, roughly logarithmic.
LADDER = (
    0.05,
    0.1,
    0.2,
    0.3,
    0.5,
    0.7,
    1.0,
    1.5,
    2.0,
    3.0,
    5.0,
    7.0,
    10.0,
    15.0,
    20.0,
    30.0,
    50.0,
    70.0,
    100.0,
)
# A candidate beyond a quarter of the code is a monolith of its own, not a service.
LARGEST_SHARE = 0.25


@dataclass(frozen=True)
class Granularity:
    resolution: float
    criterion: str  # "given", "teams" or "largest_share"
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"resolution": self.resolution, "criterion": self.criterion, "reason": self.reason}


@dataclass(frozen=True)
class _Trial:
    resolution: float
    candidates: int
    largest_share: float
    modularity: float


def choose_granularity(
    contracted: Contracted, code: list[float], *, teams: int | None
) -> Granularity:
    """`code` is the size of each contracted vertex (0 for tables and unplaced modules)."""
    if teams is not None:
        trials = [_trial(contracted, code, r) for r in LADDER]
        best = min(trials, key=lambda t: (abs(t.candidates - teams), -t.modularity))
        return Granularity(
            best.resolution,
            "teams",
            f"{teams:,} team{'s' if teams != 1 else ''}: resolution {best.resolution:g} gives "
            f"{best.candidates:,} candidates, the nearest to one per team.",
        )
    trials = []
    for resolution in (r for r in LADDER if r >= 1.0):
        trials.append(_trial(contracted, code, resolution))
        if trials[-1].largest_share <= LARGEST_SHARE:
            break
    fitting = [t for t in trials if t.largest_share <= LARGEST_SHARE]
    best = (
        max(fitting, key=lambda t: t.modularity)
        if fitting
        else min(trials, key=lambda t: t.largest_share)
    )
    return Granularity(best.resolution, "largest_share", _share_reason(best, fitting != []))


def restate(granularity: Granularity, candidates: int, largest_share: float) -> Granularity:
    """The reason with the figures of the final split (the consensus over seeds may differ
    a little from the single run that chose the resolution)."""
    r = granularity.resolution
    if granularity.criterion == "teams":
        reason = granularity.reason.split(":")[0] + (
            f": resolution {r:g}, the one whose candidate count came nearest to one per team; "
            f"{candidates:,} candidates."
        )
    elif granularity.criterion == "largest_share":
        reason = (
            granularity.reason.split("(the largest")[0]
            + (f"(the largest holds {largest_share:.0%}; {candidates:,} candidates).")
            if "(the largest" in granularity.reason
            else granularity.reason
        )
    else:
        return granularity
    return Granularity(r, granularity.criterion, reason)


def _share_reason(trial: _Trial, fits: bool) -> str:
    share = f"{trial.largest_share:.0%}"
    if not fits:
        return (
            f"No resolution up to {RESOLUTION_MAX:g} keeps every candidate within "
            f"{LARGEST_SHARE:.0%} of the code; resolution {trial.resolution:g} comes closest "
            f"(largest candidate {share}, {trial.candidates:,} candidates)."
        )
    return (
        f"Resolution {trial.resolution:g}: the best modularity ({trial.modularity:.2f}) with no "
        f"candidate holding more than {LARGEST_SHARE:.0%} of the code (the largest holds "
        f"{share}; {trial.candidates:,} candidates)."
    )


def _trial(contracted: Contracted, code: list[float], resolution: float) -> _Trial:
    membership = louvain(contracted, resolution)
    sizes: Counter[int] = Counter()
    for vertex, community in enumerate(membership):
        sizes[community] += code[vertex]
    total = sum(sizes.values()) or 1.0
    placed = [c for c, size in sizes.items() if size > 0]
    graph = igraph.Graph(n=contracted.size, edges=contracted.edges, directed=False)
    modularity = (
        graph.modularity(membership, weights=contracted.weights) if contracted.edges else 0.0
    )
    return _Trial(resolution, len(placed), max(sizes.values(), default=0) / total, modularity)
