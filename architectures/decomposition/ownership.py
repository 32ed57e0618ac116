"""Data ownership: which candidate owns each table, and which tables stand in the way.

A table goes to the candidate with the most modules writing it (then the most modules
touching it, then the candidate clustering put the table in, then the earlier one). A table nobody writes goes to its main
reader. A table written from two or more candidates is shared: the obstacle the
extraction plan must deal with before the split.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from architectures.decomposition.graph import CouplingGraph


@dataclass(frozen=True)
class Ownership:
    # Per table index: the owning candidate index.
    owner: tuple[int, ...]
    # Per table index: the candidate indices writing it, sorted.
    writers: tuple[tuple[int, ...], ...]

    def shared(self) -> list[int]:
        """Table indices written from more than one candidate."""
        return [t for t, w in enumerate(self.writers) if len(w) > 1]


def assign_tables(
    graph: CouplingGraph, candidate_of: Sequence[int], home: Sequence[int | None]
) -> Ownership:
    """Give every table of `graph` an owner among the candidates in `candidate_of`.

    `home` is the candidate clustering put each table's vertex in: it settles ties.
    """
    owners: list[int] = []
    writers: list[tuple[int, ...]] = []
    for accessors, table_home in zip(graph.access, home, strict=True):
        writes: Counter[int] = Counter()
        touches: Counter[int] = Counter()
        for module, is_write in accessors.items():
            touches[candidate_of[module]] += 1
            if is_write:
                writes[candidate_of[module]] += 1
        owners.append(min(touches, key=lambda c: (-writes[c], -touches[c], c != table_home, c)))
        writers.append(tuple(sorted(writes)))
    return Ownership(tuple(owners), tuple(writers))
