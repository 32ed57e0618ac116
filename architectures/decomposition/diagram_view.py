"""What the candidates' diagram shows once a big decomposition is collapsed.

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


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str


@dataclass(frozen=True)
class View:
    boxes: tuple[Box, ...]
    shared: tuple[Node, ...]
    calls: tuple[Edge, ...]
    writes: tuple[Edge, ...]
    note: str | None


def diagram_view(decomposition: Split) -> View:
    """Collapse `decomposition` into at most a few hundred drawable elements."""
    ids = _Ids()
    shared_names = {s.table for s in decomposition.shared_tables}
    order = {c.name: i for i, c in enumerate(decomposition.candidates)}
    ranked = sorted(decomposition.candidates, key=lambda c: (-len(c.modules), c.name))
    shown = sorted(ranked[:CANDIDATES_SHOWN], key=lambda c: order[c.name])
    boxes = tuple(_box(ids, c, shared_names) for c in shown)
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
    calls = tuple(Edge(box_of[f.caller], box_of[f.callee], f"{f.calls:,}") for f in flows)
    return View(boxes, shared_nodes, calls[:FLOWS_SHOWN], writes, _note(decomposition, len(shown)))


class _Ids:
    def __init__(self) -> None:
        self.count = 0

    def next(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"


def _box(ids: _Ids, candidate: Candidate, shared_names: set[str]) -> Box:
    box_id = ids.next("c")
    modules = tuple(Node(ids.next("n"), m) for m in candidate.modules[:MODULES_SHOWN])
    owned = [t for t in candidate.tables if t not in shared_names]
    tables = tuple(Node(ids.next("t"), t) for t in owned[:TABLES_SHOWN])
    more = []
    if len(candidate.modules) > MODULES_SHOWN:
        more.append(
            Node(ids.next("m"), f"+{len(candidate.modules) - MODULES_SHOWN:,} more modules")
        )
    if len(owned) > TABLES_SHOWN:
        more.append(Node(ids.next("m"), f"+{len(owned) - TABLES_SHOWN:,} more tables"))
    return Box(box_id, candidate.name, modules, tables, tuple(more))


def _note(decomposition: Split, shown: int) -> str | None:
    hidden = len(decomposition.candidates) - shown
    if hidden <= 0:
        return None
    return f"+{hidden:,} smaller candidates not drawn"
