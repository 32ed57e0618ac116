"""The strangler-fig extraction plan: which candidate to carve off first, and why.

At each step the next candidate is the one still inside the monolith that (1) writes no
shared table not yet dealt with, (2) is called synchronously by the fewest candidates
still inside, (3) receives the fewest calls from them, (4) reads the fewest tables of
other candidates, (5) is the smallest, (6) comes first by name. Its calls with the candidates still inside become API calls (or events);
its shared tables must be split, or fronted by their owner's API, before it leaves.
The last step is what remains of the monolith.
"""

import heapq
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CallFlow:
    caller: str
    callee: str
    calls: int

    def to_dict(self) -> dict[str, Any]:
        return {"caller": self.caller, "callee": self.callee, "calls": self.calls}


@dataclass(frozen=True)
class SharedTable:
    table: str
    owner: str
    candidates: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "owner": self.owner, "candidates": list(self.candidates)}


@dataclass(frozen=True)
class ForeignRead:
    table: str
    owner: str

    def to_dict(self) -> dict[str, Any]:
        return {"table": self.table, "owner": self.owner}


@dataclass(frozen=True)
class Step:
    candidate: str
    reason: str
    tables: tuple[str, ...]
    calls_to_api: tuple[CallFlow, ...]
    shared_tables_first: tuple[SharedTable, ...]
    # Tables of other candidates it reads directly: they need an API, events or a replica.
    reads_from_others: tuple[ForeignRead, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate,
            "reason": self.reason,
            "tables": list(self.tables),
            "calls_to_api": [c.to_dict() for c in self.calls_to_api],
            "shared_tables_first": [s.to_dict() for s in self.shared_tables_first],
            "reads_from_others": [r.to_dict() for r in self.reads_from_others],
        }


@dataclass(frozen=True)
class _Figures:
    callers: int
    inbound: int
    callees: int
    outbound: int
    tables: int
    reads: int


@dataclass(frozen=True)
class PlanInput:
    names: Sequence[str]
    sizes: Sequence[int]
    tables: Sequence[Sequence[str]]
    # Aggregated calls between candidates by index: {(caller, callee): count}.
    flows: Mapping[tuple[int, int], int]
    shared: Sequence[SharedTable]
    foreign_reads: Sequence[Sequence[ForeignRead]]


def extraction_plan(data: PlanInput) -> list[Step]:
    """Order every candidate into extraction steps; the last one is the remaining core."""
    state = _State(data)
    steps = []
    while (chosen := state.pop_next()) is not None:
        steps.append(state.extract(chosen, last=len(steps) == len(data.names) - 1))
    return steps


class _State:
    def __init__(self, data: PlanInput) -> None:
        self.data = data
        self.remaining = set(range(len(data.names)))
        self.callers: dict[int, Counter[int]] = defaultdict(Counter)
        self.callees: dict[int, Counter[int]] = defaultdict(Counter)
        for (a, b), count in data.flows.items():
            self.callers[b][a] += count
            self.callees[a][b] += count
        self.index = index = {name: i for i, name in enumerate(data.names)}
        self.pending: dict[int, list[SharedTable]] = defaultdict(list)
        for shared in data.shared:
            for name in shared.candidates:
                self.pending[index[name]].append(shared)
        self.resolved: set[str] = set()
        self.heap = [(self.key(c), c) for c in self.remaining]
        heapq.heapify(self.heap)

    def key(self, c: int) -> tuple:
        waiting = sum(1 for s in self.pending[c] if s.table not in self.resolved)
        inside = [n for caller, n in self.callers[c].items() if caller in self.remaining]
        reads = len(self.data.foreign_reads[c])
        return (
            waiting > 0,
            len(inside),
            sum(inside),
            reads,
            self.data.sizes[c],
            self.data.names[c],
        )

    def pop_next(self) -> int | None:
        while self.heap:
            key, c = heapq.heappop(self.heap)
            if c in self.remaining and key == self.key(c):
                return c
            if c in self.remaining:
                heapq.heappush(self.heap, (self.key(c), c))
        return None

    def extract(self, c: int, *, last: bool) -> Step:
        key = self.key(c)
        self.remaining.discard(c)
        first = tuple(s for s in self.pending[c] if s.table not in self.resolved)
        self.resolved.update(s.table for s in first)
        touched = {*self.callees[c], *self.callers[c]} | {
            self.index[n] for s in first for n in s.candidates
        }
        for other in touched & self.remaining:
            heapq.heappush(self.heap, (self.key(other), other))
        figures = _Figures(
            callers=key[1],
            inbound=key[2],
            callees=sum(1 for b in self.callees[c] if b in self.remaining),
            outbound=sum(n for b, n in self.callees[c].items() if b in self.remaining),
            tables=len(self.data.tables[c]),
            reads=key[3],
        )
        return Step(
            candidate=self.data.names[c],
            reason=_reason(figures, first, last=last),
            tables=tuple(self.data.tables[c]),
            calls_to_api=self._flows(c),
            shared_tables_first=first,
            reads_from_others=tuple(self.data.foreign_reads[c]),
        )

    def _flows(self, c: int) -> tuple[CallFlow, ...]:
        names = self.data.names
        flows = [CallFlow(names[a], names[c], n) for a, n in self.callers[c].items()]
        flows += [CallFlow(names[c], names[b], n) for b, n in self.callees[c].items()]
        inside = {names[o] for o in self.remaining}
        kept = [f for f in flows if f.caller in inside or f.callee in inside]
        return tuple(sorted(kept, key=lambda f: (-f.calls, f.caller, f.callee)))


# A candidate called by this many others still inside is a shared dependency, not a slice.
MANY_CALLERS = 3


def _reason(figures: _Figures, first: Sequence[SharedTable], *, last: bool) -> str:
    """Why this step comes here, with its figures: calls in and out, tables, shared tables."""
    moved = (
        f"{_plural(figures.tables, 'table')} {'moves' if figures.tables == 1 else 'move'} with it"
    )
    if last:
        return f"What remains of the monolith once the others are carved off; it keeps {_plural(figures.tables, 'table')}."
    called = (
        f"Called by {_plural(figures.callers, 'candidate')} still inside ({_plural(figures.inbound, 'call')}); "
        f"calls {_plural(figures.callees, 'candidate')} ({_plural(figures.outbound, 'call')}); {moved}; "
        f"it writes {_plural(len(first), 'shared table')}."
    )
    if figures.callers >= MANY_CALLERS:
        verdict = (
            "Many candidates call it: extract it only behind a stable API, or keep it as a "
            "library they share."
        )
    elif first:
        verdict = "First split the shared tables it writes, or front them with their owner's API."
    elif figures.callers == 0:
        verdict = "Nothing inside calls it and it shares no written table: the easiest slice to carve off now."
    else:
        verdict = "It shares no written table; its callers switch to its API."
    sentence = f"{called} {verdict}"
    if figures.reads:
        sentence += (
            f" It reads {_plural(figures.reads, 'table')} of other candidates, "
            "to be served by their API, events or a read replica."
        )
    return sentence


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"
