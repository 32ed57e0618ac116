"""The candidates' diagram as DOT: one box per candidate, the calls between candidates
summed per pair, and the shared tables in red with dashed edges from the candidates
that write them. A small decomposition lists each candidate's modules and owned tables
in its box; past `OVERVIEW_MODULES` modules the diagram is an overview whose boxes say
how many and grow with their modules (see `diagram_view`). Each box links to the
candidate's row on the page. Mermaid and PlantUML text of the same view come from
`diagram_text`.

Candidates are nodes rather than clusters: dot routes edges around nodes, while edges
between clusters cut through the clusters in between, and a compound edge's label is
placed before the edge is clipped at the cluster's border, so it floats away from its
arrow. A call count is the edge's `xlabel`, which dot puts on the edge itself; the
dashed red edges to a shared table carry no label (their style says "writes").

Security: names are user text. Ids are generated (`c1`, `s2`...), every label goes
through `graphviz.escape` (which also stops a `<...>` name from becoming an HTML
label), and no user text ever reaches an attribute other than `label`.
"""

import math

import graphviz

from architectures.decomposition.diagram_text import to_mermaid, to_plantuml
from architectures.decomposition.diagram_view import Box, diagram_view
from architectures.decomposition.split import Split

__all__ = ["to_dot", "to_mermaid", "to_plantuml"]

FONT = "DejaVu Sans"
SHARED_COLOR = "#c62828"
SHARED_TABLE = {"shape": "cylinder", "color": SHARED_COLOR, "fontcolor": SHARED_COLOR, "style": ""}
WRITES = {"color": SHARED_COLOR, "style": "dashed", "arrowhead": "empty"}
TABLES_PER_LINE = 2


def to_dot(decomposition: Split) -> str:
    """DOT source of the candidates' diagram; render it with `dot`."""
    view = diagram_view(decomposition)
    dot = graphviz.Digraph("candidates")
    dot.attr("graph", rankdir="TB", fontname=FONT, nodesep="0.3", ranksep="0.7")
    dot.attr("node", fontname=FONT, shape="box", style="rounded,filled")
    dot.attr("node", fontsize="16" if view.overview else "12")
    dot.attr("node", fillcolor="#eef2f7", color="#455a64", margin="0.15,0.08")
    dot.attr("edge", fontname=FONT, fontsize="14" if view.overview else "12", color="#455a64")
    largest = max((b.module_count for b in view.boxes), default=1) or 1
    for box in view.boxes:
        link = {"URL": f"#candidate-{box.number}-modules", "target": "_top"}
        if view.overview:
            dot.node(box.id, _label([box.label, box.summary]), **_size(box, largest), **link)
        else:
            dot.node(box.id, _label(_contents(box)), **link)
    for node in view.shared:
        dot.node(node.id, graphviz.escape(node.label), **SHARED_TABLE)
    for edge in view.calls:
        width = f"{1 + math.log10(max(1, edge.count)):.1f}"
        dot.edge(edge.source, edge.target, xlabel=graphviz.escape(edge.label), penwidth=width)
    for edge in view.writes:
        dot.edge(edge.source, edge.target, **WRITES)
    if view.note is not None:
        dot.node("note", graphviz.escape(view.note), shape="note", style="")
    return dot.source


def _label(lines: list[str]) -> str:
    """Lines of user text as one plain (never HTML-like) label, each escaped."""
    return graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))


def _size(box: Box, largest: int) -> dict[str, str]:
    """An overview box's size: its area grows with its share of the largest's modules."""
    scale = math.sqrt(box.module_count / largest)
    return {"width": f"{max(1.2, 2.8 * scale):.2f}", "height": f"{max(0.6, 1.1 * scale):.2f}"}


def _contents(box: Box) -> list[str]:
    """The name, the counts, each module shown, and the owned tables shown."""
    lines = [box.label, box.summary, ""]
    lines += [n.label for n in box.modules]
    tables = [n.label for n in box.tables]
    for start in range(0, len(tables), TABLES_PER_LINE):
        prefix = "tables: " if start == 0 else ""
        lines.append(prefix + ", ".join(tables[start : start + TABLES_PER_LINE]))
    lines += [n.label for n in box.more]
    return lines
