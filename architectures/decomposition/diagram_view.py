"""What the candidates' diagram shows once a big decomposition is collapsed.

A small decomposition is drawn in detail: each candidate a box of its modules and the
tables it owns. Past `OVERVIEW_MODULES` modules that picture grows into a tall column
whose edges cross other boxes, so it becomes an overview: each candidate one box sized
by its modules, the calls between candidates, and the shared tables. Each box links to
the candidate's row on the page (`#candidate-3`), where its modules are listed.

Every drawable thing gets a generated id (`n1`, `t2`, `c3`...): names are user text and
never become ids. The renderers (DOT, Mermaid, PlantUML) only escape labels.
"""

from dataclasses import dataclass

from architectures.decomposition.split import Candidate, Split

MODULES_SHOWN = 12
TABLES_SHOWN = 8
CANDIDATES_SHOWN = 60
SHARED_SHOWN = 40
FLOWS_SHOWN = 150
# An overview keeps its heaviest call flows: past this, lines hide the boxes.
OVERVIEW_FLOWS = 60
# Beyond this many modules the diagram is an overview of the candidates.
OVERVIEW_MODULES = 40


@dataclass(frozen=True)
class Node:
    id: str
    label: str


@dataclass(frozen=True)
class Box:
    id: str
    label: str
    modules: tuple[Node, ...]
    tables: tuple[Node, ...]
    # Labels such as "+5 more modules" for what is collapsed.
    more: tuple[Node, ...]
    # Its position among the candidates (1 is the first): the page's `#candidate-1`.
    number: int = 0
    module_count: int = 0
    table_count: int = 0

    @property
    def summary(self) -> str:
        """`12 modules · 3 tables`, what an overview box says under the name."""

        def count(n: int, what: str) -> str:
            return f"{n:,} {what}{'' if n == 1 else 's'}"

        return f"{count(self.module_count, 'module')} · {count(self.table_count, 'table')}"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    count: int = 0  # the calls it stands for


@dataclass(frozen=True)
class View:
    boxes: tuple[Box, ...]
    shared: tuple[Node, ...]
    calls: tuple[Edge, ...]
    writes: tuple[Edge, ...]
    note: str | None
    overview: bool = False


def diagram_view(decomposition: Split) -> View:
    """Collapse `decomposition` into at most a few hundred drawable elements."""
    ids = _Ids()
    order = {c.name: i for i, c in enumerate(decomposition.candidates)}
    ranked = sorted(decomposition.candidates, key=lambda c: (-len(c.modules), c.name))
    shown = sorted(ranked[:CANDIDATES_SHOWN], key=lambda c: order[c.name])
    overview = sum(len(c.modules) for c in decomposition.candidates) > OVERVIEW_MODULES
    boxes = tuple(
        _box(ids, c, decomposition.own_tables(c), order[c.name] + 1, overview) for c in shown
    )
    box_of = {c.name: b.id for c, b in zip(shown, boxes, strict=True)}
    shared = [s for s in decomposition.shared_tables if s.owner in box_of][:SHARED_SHOWN]
    shared_nodes = tuple(Node(ids.next("s"), s.table) for s in shared)
    writes = tuple(
        Edge(box_of[name], node.id, "writes")
        for s, node in zip(shared, shared_nodes, strict=True)
        for name in s.candidates
        if name in box_of
    )
    flows = [f for f in decomposition.calls if f.caller in box_of and f.callee in box_of]
    limit = OVERVIEW_FLOWS if overview else FLOWS_SHOWN
    heaviest = set(sorted(flows, key=lambda f: (-f.calls, f.caller, f.callee))[:limit])
    calls = tuple(
        Edge(box_of[f.caller], box_of[f.callee], f"{f.calls:,}", f.calls)
        for f in flows
        if f in heaviest
    )
    note = _note(len(decomposition.candidates) - len(shown), len(flows) - len(calls))
    return View(boxes, shared_nodes, calls, writes, note, overview)


class _Ids:
    def __init__(self) -> None:
        self.count = 0

    def next(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"


def _box(
    ids: _Ids, candidate: Candidate, owned: tuple[str, ...], number: int, overview: bool
) -> Box:
    box_id = ids.next("c")
    if overview:
        counts = (len(candidate.modules), len(candidate.tables))
        return Box(box_id, candidate.name, (), (), (), number, *counts)
    modules = tuple(Node(ids.next("n"), m) for m in candidate.modules[:MODULES_SHOWN])
    tables = tuple(Node(ids.next("t"), t) for t in owned[:TABLES_SHOWN])
    more = []
    if len(candidate.modules) > MODULES_SHOWN:
        more.append(
            Node(ids.next("m"), f"+{len(candidate.modules) - MODULES_SHOWN:,} more modules")
        )
    if len(owned) > TABLES_SHOWN:
        more.append(Node(ids.next("m"), f"+{len(owned) - TABLES_SHOWN:,} more tables"))
    counts = (len(candidate.modules), len(candidate.tables))
    return Box(box_id, candidate.name, modules, tables, tuple(more), number, *counts)


def _note(candidates: int, flows: int) -> str | None:
    """What is not drawn: the smallest candidates, the lightest call flows."""
    hidden = [f"+{candidates:,} smaller candidates"] if candidates > 0 else []
    hidden += [f"+{flows:,} lighter call flows"] if flows > 0 else []
    return f"{' and '.join(hidden)} not drawn" if hidden else None
