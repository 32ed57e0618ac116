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
class Choice:
    """A resolution and the criterion that chose it. Its reason is written once the final
    split is known, with that split's figures: the consensus over seeds may differ a
    little from the single run that chose the resolution."""

    resolution: float
    criterion: str  # "given", "teams" or "largest_share"
    teams: int | None = None
    modularity: float = 0.0  # of the run that chose it, for "largest_share"
    fits: bool = True  # whether that run kept every candidate within LARGEST_SHARE

    def described(self, candidates: int, largest_share: float) -> Granularity:
        return Granularity(self.resolution, self.criterion,
                           self._reason(candidates, largest_share))  # fmt: skip

    def _reason(self, candidates: int, largest_share: float) -> str:
        r, share, count = f"{self.resolution:g}", f"{largest_share:.0%}", f"{candidates:,}"
        if self.criterion == "given":
            return f"Resolution {r}, as asked."
        if self.criterion == "teams":
            teams = f"{self.teams:,} team{'s' if self.teams != 1 else ''}"
            return (
                f"{teams}: resolution {r}, the one whose candidate count came nearest to one "
                f"per team; {count} candidates."
            )
        if not self.fits:
            return (
                f"No resolution up to {RESOLUTION_MAX:g} keeps every candidate within "
                f"{LARGEST_SHARE:.0%} of the code; resolution {r} comes closest "
                f"(largest candidate {share}, {count} candidates)."
            )
        return (
            f"Resolution {r}: the best modularity ({self.modularity:.2f}) with no candidate "
            f"holding more than {LARGEST_SHARE:.0%} of the code (the largest holds {share}; "
            f"{count} candidates)."
        )


@dataclass(frozen=True)
class _Trial:
    resolution: float
    candidates: int
    largest_share: float
    modularity: float


def choose_granularity(contracted: Contracted, code: list[float], *, teams: int | None) -> Choice:
    """`code` is the size of each contracted vertex (0 for tables and unplaced modules)."""
    if teams is not None:
        trials = [_trial(contracted, code, r) for r in LADDER]
        best = min(trials, key=lambda t: (abs(t.candidates - teams), -t.modularity))
        return Choice(best.resolution, "teams", teams=teams)
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
    return Choice(best.resolution, "largest_share", modularity=best.modularity, fits=bool(fitting))


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
