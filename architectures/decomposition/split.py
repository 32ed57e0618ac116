"""The split of a monolith into service candidates: `decompose` and its result, `Split`
(candidates, shared tables, the plan and metrics), from a validated Monolith."""

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from architectures.decomposition.clustering import Group, cluster
from architectures.decomposition.graph import CouplingGraph, coupling_graph
from architectures.decomposition.metrics import Metrics, measure
from architectures.decomposition.monolith import (
    NAME_MSG,
    Monolith,
    MonolithInvalid,
    Problem,
    valid_name,
)
from architectures.decomposition.naming import NamingInput, name_candidates
from architectures.decomposition.ownership import Ownership, assign_tables
from architectures.decomposition.plan import (
    CallFlow,
    ForeignRead,
    PlanInput,
    SharedTable,
    Step,
    extraction_plan,
)

RESOLUTION_MIN = 0.05
RESOLUTION_MAX = 10.0


@dataclass(frozen=True)
class Candidate:
    name: str
    modules: tuple[str, ...]
    tables: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "modules": list(self.modules), "tables": list(self.tables)}


@dataclass(frozen=True)
class Split:
    candidates: tuple[Candidate, ...]
    shared_tables: tuple[SharedTable, ...]
    plan: tuple[Step, ...]
    metrics: Metrics
    # Calls between candidates, summed per (caller, callee) pair.
    calls: tuple[CallFlow, ...]
    resolution: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "candidates": [c.to_dict() for c in self.candidates],
            "shared_tables": [s.to_dict() for s in self.shared_tables],
            "plan": [s.to_dict() for s in self.plan],
            "metrics": self.metrics.to_dict(),
            "calls": [c.to_dict() for c in self.calls],
            "resolution": self.resolution,
        }


def decompose(
    monolith: Monolith, *, resolution: float = 1.0, pins: Mapping[str, str] | None = None
) -> Split:
    """Split `monolith` into service candidates that own their tables.

    `resolution` above 1 gives more, smaller candidates; below 1 fewer, larger ones.
    `pins` maps module names to a candidate name they must end up in. Raises
    `MonolithInvalid` for a bad resolution or pin; the same input always gives the
    same answer.
    """
    pins = dict(pins or {})
    _check_options(monolith, resolution, pins)
    graph = coupling_graph(monolith)
    clustering = cluster(graph, resolution=resolution, pins=pins)
    groups = clustering.groups
    candidate_of = _candidate_of(groups, len(graph.modules))
    ownership = assign_tables(graph, candidate_of, clustering.table_home)
    owned = _tables_by_owner(ownership, len(groups))
    names = name_candidates(
        [_naming_input(graph, ownership, g, owned[c], c) for c, g in enumerate(groups)]
    )
    candidates = tuple(
        Candidate(names[c], _pick(graph.modules, g.modules), _pick(graph.tables, owned[c]))
        for c, g in enumerate(groups)
    )
    shared = tuple(
        SharedTable(graph.tables[t], names[ownership.owner[t]], _names(names, ownership.writers[t]))
        for t in ownership.shared()
    )
    flows = _flows(graph, candidate_of)
    sizes = [len(g.modules) for g in groups]
    reads = _foreign_reads(graph, ownership, candidate_of, names)
    tables = [c.tables for c in candidates]
    plan = extraction_plan(PlanInput(names, sizes, tables, flows, shared, reads))
    calls = tuple(
        CallFlow(names[a], names[b], n)
        for (a, b), n in sorted(flows.items(), key=lambda f: (-f[1], f[0]))
    )
    metrics = measure(graph.calls, candidate_of)
    return Split(candidates, shared, tuple(plan), metrics, calls, resolution)


def _check_options(monolith: Monolith, resolution: float, pins: Mapping[str, str]) -> None:
    problems: list[Problem] = []
    if not isinstance(resolution, int | float) or isinstance(resolution, bool):
        problems.append(Problem(("resolution",), "Must be a number.", "float_type"))
    elif not (math.isfinite(resolution) and RESOLUTION_MIN <= resolution <= RESOLUTION_MAX):
        msg = f"Must lie between {RESOLUTION_MIN} and {RESOLUTION_MAX}."
        problems.append(Problem(("resolution",), msg))
    known = {m.name for m in monolith.modules}
    for module, name in pins.items():
        if module not in known:
            problems.append(Problem(("pins", str(module)[:120]), f"Unknown module {module!r}."))
        elif not valid_name(name):
            problems.append(Problem(("pins", module), f"Candidate names: {NAME_MSG}"))
    if problems:
        raise MonolithInvalid(problems)


def _candidate_of(groups: Sequence[Group], module_count: int) -> list[int]:
    candidate_of = [0] * module_count
    for c, group in enumerate(groups):
        for m in group.modules:
            candidate_of[m] = c
    return candidate_of


def _naming_input(
    graph: CouplingGraph, ownership: Ownership, group: Group, owned: list[int], c: int
) -> NamingInput:
    written = [graph.tables[t] for t in owned if c in ownership.writers[t]]
    read = [graph.tables[t] for t in owned if c not in ownership.writers[t]]
    return NamingInput(
        _pick(graph.modules, group.modules), written, read, group.pin, group.isolated
    )


def _pick(names: Sequence[str], indices: Sequence[int]) -> tuple[str, ...]:
    return tuple(names[i] for i in indices)


def _names(names: Sequence[str], indices: Sequence[int]) -> tuple[str, ...]:
    return tuple(sorted(names[i] for i in indices))


def _flows(graph: CouplingGraph, candidate_of: Sequence[int]) -> dict[tuple[int, int], int]:
    flows: Counter[tuple[int, int]] = Counter()
    for (a, b), count in graph.calls.items():
        ca, cb = candidate_of[a], candidate_of[b]
        if ca != cb:
            flows[(ca, cb)] += count
    return dict(flows)


def _tables_by_owner(ownership: Ownership, candidate_count: int) -> list[list[int]]:
    by_owner: list[list[int]] = [[] for _ in range(candidate_count)]
    for t, owner in enumerate(ownership.owner):
        by_owner[owner].append(t)
    return by_owner


def _foreign_reads(
    graph: CouplingGraph, ownership: Ownership, candidate_of: Sequence[int], names: Sequence[str]
) -> list[list[ForeignRead]]:
    """Per candidate, the tables of another owner it reads without writing them."""
    reads: list[list[ForeignRead]] = [[] for _ in names]
    for t, accessors in enumerate(graph.access):
        owner, writers = ownership.owner[t], ownership.writers[t]
        readers = {candidate_of[m] for m in accessors} - {owner, *writers}
        for c in sorted(readers):
            reads[c].append(ForeignRead(graph.tables[t], names[owner]))
    return reads
