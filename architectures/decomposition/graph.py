"""The weighted coupling graph that clustering works on.

Vertices are the modules (sorted by name, so the same monolith listed in another order
gives the same graph) followed by the tables. Edges:

- a call from one module to another weighs 1 + ln(count), so a hot call counts more
  without drowning every other signal;
- a module's access to a table weighs `WRITE_WEIGHT` when it writes and `READ_WEIGHT`
  when it only reads.

Tables are vertices rather than module-to-module "shares a table" edges: two modules
writing one table are then two steps apart through it, which gives the same pull
towards one candidate, but costs one edge per access instead of k² edges for a table
that k modules touch (a `users` table read by 2,000 modules would otherwise add two
million edges).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from architectures.decomposition.monolith import Monolith

WRITE_WEIGHT = 3.0
READ_WEIGHT = 1.0


@dataclass(frozen=True)
class CouplingGraph:
    modules: tuple[str, ...]
    tables: tuple[str, ...]
    # Directed module-to-module call counts by vertex index, self-calls left out.
    calls: dict[tuple[int, int], int]
    # Table index (0-based within `tables`) to {module index: writes?}.
    access: tuple[dict[int, bool], ...]
    edges: list[tuple[int, int]]
    weights: list[float]

    @property
    def size(self) -> int:
        return len(self.modules) + len(self.tables)


def coupling_graph(monolith: Monolith) -> CouplingGraph:
    """Build the weighted graph of calls and table accesses of `monolith`."""
    ordered = sorted(monolith.modules, key=lambda m: m.name)
    index = {m.name: i for i, m in enumerate(ordered)}
    tables = sorted({t for m in ordered for t in m.tables})
    table_index = {t: i for i, t in enumerate(tables)}
    calls = {
        (i, index[callee]): count
        for i, m in enumerate(ordered)
        for callee, count in m.calls.items()
        if callee != m.name
    }
    access: list[dict[int, bool]] = [{} for _ in tables]
    for i, m in enumerate(ordered):
        for table, mode in m.tables.items():
            access[table_index[table]][i] = mode.writes
    edges, weights = _edges(len(ordered), calls, access)
    names = tuple(m.name for m in ordered)
    return CouplingGraph(names, tuple(tables), calls, tuple(access), edges, weights)


def _edges(
    module_count: int, calls: dict[tuple[int, int], int], access: Sequence[dict[int, bool]]
) -> tuple[list[tuple[int, int]], list[float]]:
    edges = list(calls)
    weights = [1.0 + math.log(count) for count in calls.values()]
    for t, accessors in enumerate(access):
        vertex = module_count + t
        for module, writes in accessors.items():
            edges.append((module, vertex))
            weights.append(WRITE_WEIGHT if writes else READ_WEIGHT)
    return edges, weights
