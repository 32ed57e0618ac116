"""The candidates' diagram as DOT: candidates as clusters of their modules, owned tables
as cylinders, shared tables in red outside every cluster, and the calls between
candidates summed per pair. Mermaid and PlantUML text of the same view come from
`diagram_text`.

Security: names are user text. Ids are generated (`c1`, `n2`...), every label goes
through `graphviz.escape` (which also stops a `<...>` name from becoming an HTML
label), and no user text ever reaches an attribute other than `label`.
"""

import math

import graphviz

from architectures.decomposition.diagram_text import to_mermaid, to_plantuml
from architectures.decomposition.diagram_view import Box, View, diagram_view
from architectures.decomposition.split import Split

__all__ = ["to_dot", "to_mermaid", "to_plantuml"]

FONT = "DejaVu Sans"
SHARED_COLOR = "#c62828"


def to_dot(decomposition: Split) -> str:
    """DOT source of the candidates' diagram; render it with `dot` (compound edges)."""
    view = diagram_view(decomposition)
    dot = graphviz.Digraph("candidates")
    dot.attr("graph", rankdir="LR", compound="true", fontname=FONT, newrank="true")
    dot.attr("node", fontname=FONT, fontsize="10", shape="box", style="rounded")
    dot.attr("edge", fontname=FONT, fontsize="9")
    anchors = {}
    for box in view.boxes:
        anchors[box.id] = _cluster(dot, box)
    for node in view.shared:
        dot.node(
            node.id,
            graphviz.escape(node.label),
            shape="cylinder",
            color=SHARED_COLOR,
            fontcolor=SHARED_COLOR,
            style="",
        )
    for edge in view.calls:
        dot.edge(
            anchors[edge.source],
            anchors[edge.target],
            label=graphviz.escape(edge.label),
            ltail=f"cluster_{edge.source}",
            lhead=f"cluster_{edge.target}",
        )
    for edge in view.writes:
        dot.edge(
            anchors[edge.source],
            edge.target,
            label="writes",
            color=SHARED_COLOR,
            fontcolor=SHARED_COLOR,
            style="dashed",
            ltail=f"cluster_{edge.source}",
        )
    _note(dot, view)
    return dot.source


def _cluster(dot: graphviz.Digraph, box: Box) -> str:
    """Draw one candidate and return the id of the node its edges hang on."""
    with dot.subgraph(name=f"cluster_{box.id}") as sub:
        sub.attr(label=graphviz.escape(box.label), style="rounded", color="#455a64")
        for node in box.modules:
            sub.node(node.id, graphviz.escape(node.label))
        for node in box.tables:
            sub.node(node.id, graphviz.escape(node.label), shape="cylinder", style="")
        for node in box.more:
            sub.node(node.id, graphviz.escape(node.label), shape="plaintext", style="")
        _grid(sub, [n.id for n in (*box.modules, *box.more)])
        _grid(sub, [n.id for n in box.tables])
    return (box.modules or box.tables or box.more)[0].id


def _grid(sub: graphviz.Digraph, ids: list[str]) -> None:
    """Lay a cluster's nodes out in a near-square grid rather than one tall column:
    invisible edges push every `rows`-th node one rank (column) to the right."""
    rows = max(2, math.isqrt(len(ids) - 1) + 1) if ids else 0
    for above, below in zip(ids, ids[rows:], strict=False):
        sub.edge(above, below, style="invis")


def _note(dot: graphviz.Digraph, view: View) -> None:
    if view.note is not None:
        dot.node("note", graphviz.escape(view.note), shape="note", style="")
