"""The split of a monolith into service candidates: `decompose` and its result, `Split`
(candidates, shared tables, the plan and metrics), from a validated Monolith."""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from architectures.decomposition.clustering import Clustering, Group, cluster, contract
from architectures.decomposition.granularity import Choice, Granularity, choose_granularity
from architectures.decomposition.graph import CouplingGraph, coupling_graph
from architectures.decomposition.metrics import Metrics, measure
from architectures.decomposition.monolith import Monolith, MonolithInvalid
from architectures.decomposition.naming import NamingInput, name_candidates
from architectures.decomposition.options import option_problems
from architectures.decomposition.ownership import Ownership, assign_tables
from architectures.decomposition.plan import (
    CallFlow,
    ForeignRead,
    PlanInput,
    SharedTable,
    Step,
    extraction_plan,
)


@dataclass(frozen=True)
class Candidate:
    name: str
    modules: tuple[str, ...]
    tables: tuple[str, ...]
    # Modules that other runs of the clustering put elsewhere.
    undecided: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "modules": list(self.modules),
            "tables": list(self.tables),
            "undecided": list(self.undecided),
        }


@dataclass(frozen=True)
class Split:
    candidates: tuple[Candidate, ...]
    shared_tables: tuple[SharedTable, ...]
    plan: tuple[Step, ...]
    metrics: Metrics
    # Calls between candidates, summed per (caller, callee) pair.
    calls: tuple[CallFlow, ...]
    resolution: float = 1.0
    # Modules with no call and no table: a shared library or dead code, never a step.
    unplaced: tuple[str, ...] = ()
    granularity: Granularity | None = None

    def own_tables(self, candidate: Candidate) -> tuple[str, ...]:
        """The candidate's tables that no other candidate writes: its own data. (Its
        `tables` include the shared tables it owns, which stand apart in drawings.)"""
        shared = {s.table for s in self.shared_tables}
        return tuple(t for t in candidate.tables if t not in shared)

    def to_dict(self) -> dict[str, Any]:
        granularity = self.granularity or Granularity(self.resolution, "given", "")
        return {
            "candidates": [c.to_dict() for c in self.candidates],
            "unplaced": list(self.unplaced),
            "shared_tables": [s.to_dict() for s in self.shared_tables],
            "plan": [s.to_dict() for s in self.plan],
            "metrics": self.metrics.to_dict(),
            "calls": [c.to_dict() for c in self.calls],
            "resolution": self.resolution,
            "granularity": granularity.to_dict(),
        }


def decompose(
    monolith: Monolith,
    *,
    resolution: float | None = None,
    pins: Mapping[str, str] | None = None,
    teams: int | None = None,
) -> Split:
    """Split `monolith` into service candidates that own their tables.

    `resolution` above 1 gives more, smaller candidates; below 1 fewer, larger ones;
    None lets `granularity` choose it (for `teams`, when given). `pins` maps module
    names to a candidate name they must end up in. Raises `MonolithInvalid` for a bad
    option; the same input always gives the same answer.
    """
    pins = dict(pins or {})
    known = {m.name for m in monolith.modules}
    if problems := option_problems(known, resolution, pins, teams):
        raise MonolithInvalid(problems)
    graph = coupling_graph(monolith)
    choice = _granularity(monolith, graph, pins, resolution, teams)
    clustering = cluster(graph, resolution=choice.resolution, pins=pins)
    share = _largest_share(monolith, graph, clustering)
    return _split(graph, clustering, choice.described(len(clustering.groups), share))


def _largest_share(monolith: Monolith, graph: CouplingGraph, clustering: Clustering) -> float:
    lines = {m.name: m.loc for m in monolith.modules}
    by_lines = all(lines[name] for name in graph.modules)
    sizes = [
        sum((lines[graph.modules[m]] or 0) if by_lines else 1 for m in g.modules)
        for g in clustering.groups
    ]
    return max(sizes, default=0) / (sum(sizes) or 1)


def _granularity(
    monolith: Monolith,
    graph: CouplingGraph,
    pins: Mapping[str, str],
    resolution: float | None,
    teams: int | None,
) -> Choice:
    if resolution is not None:
        return Choice(float(resolution), "given")
    contracted = contract(graph, pins)
    lines = {m.name: m.loc for m in monolith.modules}
    by_lines = all(lines[name] for name in graph.modules)
    code = [0.0] * contracted.size
    linked = {v for edge in graph.edges for v in edge}
    for m, name in enumerate(graph.modules):
        if m in linked:
            code[contracted.vertex_of[m]] += float(lines[name] or 0) if by_lines else 1.0
    return choose_granularity(contracted, code, teams=teams)


def _split(graph: CouplingGraph, clustering: Clustering, granularity: Granularity) -> Split:
    groups = clustering.groups
    candidate_of = _candidate_of(groups, len(graph.modules))
    ownership = assign_tables(graph, candidate_of, clustering.table_home)
    owned = _tables_by_owner(ownership, len(groups))
    names = name_candidates(
        [_naming_input(graph, ownership, g, owned[c], c) for c, g in enumerate(groups)]
    )
    candidates = tuple(
        Candidate(
            names[c],
            _pick(graph.modules, g.modules),
            _pick(graph.tables, owned[c]),
            _pick(graph.modules, [m for m in g.modules if m in clustering.undecided]),
        )
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
    metrics = measure(graph.calls, candidate_of, undecided=len(clustering.undecided))
    unplaced = _pick(graph.modules, clustering.unplaced)
    return Split(
        candidates,
        shared,
        tuple(plan),
        metrics,
        calls,
        granularity.resolution,
        unplaced,
        granularity,
    )


def _candidate_of(groups: Sequence[Group], module_count: int) -> list[int]:
    """Each module's candidate index; -1 for an unplaced module."""
    candidate_of = [-1] * module_count
    for c, group in enumerate(groups):
        for m in group.modules:
            candidate_of[m] = c
    return candidate_of


def _naming_input(
    graph: CouplingGraph, ownership: Ownership, group: Group, owned: list[int], c: int
) -> NamingInput:
    written = [graph.tables[t] for t in owned if c in ownership.writers[t]]
    read = [graph.tables[t] for t in owned if c not in ownership.writers[t]]
    return NamingInput(_pick(graph.modules, group.modules), written, read, group.pin)


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
