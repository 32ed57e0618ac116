"""An architecture drawn as Graphviz DOT: layers from left to right, teams in colour.

Names are user text. The `graphviz` package passes anything shaped like `<...>` through as
an HTML label, and an HTML label can carry attributes such as `image`, which made Graphviz
embed local files. So node ids are generated (`n1`, `n2`, ...), every piece of user text
goes through `html.escape` inside labels we build ourselves, and every attribute value
comes from this module (colours from `PALETTE`, never from a team's name).
"""

import functools
import html
import textwrap
from collections.abc import Mapping, Sequence

import graphviz
from graphviz.quoting import a_list, quote

from architectures.diagram_grid import SLIDE, columns, rows_for
from architectures.model import Architecture, Component, Kind, Link, LinkStyle, Load

FONT = "DejaVu Sans"
# Light ColorBrewer fills (Set3 and Pastel1): black text stays readable on each.
PALETTE = (
    "#8dd3c7",
    "#ffffb3",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#fdb462",
    "#b3de69",
    "#fccde5",
    "#bc80bd",
    "#ccebc5",
    "#ffed6f",
    "#decbe4",
)
NO_TEAM = "#f2f2f2"
MARK_COLOR = "#d62728"
LAYERS = (
    (Kind.CLIENT,),
    (Kind.GATEWAY,),
    (Kind.SERVICE,),
    (Kind.BROKER, Kind.ESB),
    (Kind.DATASTORE,),
)
_SHAPES = {
    Kind.CLIENT: ("box", "rounded,filled", "#e8e8e8"),
    Kind.GATEWAY: ("hexagon", "filled", "#dfe7f2"),
    Kind.SERVICE: ("box", "rounded,filled", NO_TEAM),
    Kind.BROKER: ("cds", "filled", "#fff2cc"),
    Kind.ESB: ("doubleoctagon", "filled", "#fff2cc"),
    Kind.DATASTORE: ("cylinder", "filled", NO_TEAM),
}
_WRAP = 32
_PADDING = 3


def team_colors(architecture: Architecture) -> dict[str, str]:
    """A fill colour per team, by sorted team name, so a team keeps its colour."""
    return {team: PALETTE[i % len(PALETTE)] for i, team in enumerate(architecture.teams)}


def to_dot(
    architecture: Architecture,
    *,
    marks: Mapping[str, Sequence[int]] = {},  # noqa: B006 (read only)
    title: str | None = None,
    landscape: bool = False,
) -> str:
    """DOT source for `architecture`; `marks` puts anti-pattern badges on components.

    `landscape` lays it out for a 16:9 slide: long layers wrap into several columns, the
    drawing is stretched to 16:9, and the title is left to the slide."""
    drawing = _Drawing(architecture, marks, aspect=SLIDE if landscape else None)
    graph = graphviz.Digraph("architecture", graph_attr=_graph_attrs(title, landscape))
    graph.attr("node", fontname=FONT, fontsize="11", margin="0.1,0.02")
    graph.attr("edge", fontname=FONT, fontsize="9", arrowsize="0.7")
    for component in architecture.components:
        drawing.add_component(graph, component)
    drawing.add_layers(graph)
    for link in architecture.links:
        drawing.add_link(graph, link)
    _add_legend(graph, architecture, drawing.colors)
    return graph.source


def _graph_attrs(title: str | None, landscape: bool) -> dict[str, str]:
    attrs = {
        "rankdir": "LR",
        # Graphviz 2.43 fails with "trouble in init_rank" without it once edges cross clusters.
        "newrank": "true",
        "compound": "true",
        "ranksep": "1.0",
        "nodesep": "0.22",
        "pad": "0.3",
        "fontname": FONT,
        "bgcolor": "white",
    }
    if landscape:
        # Height over width: dot stretches the shorter side's spacing, never shrinks text.
        # It applies to the layout alone, so the slide keeps a thin pad and leaves the
        # title to the slide's own heading.
        return attrs | {"ratio": f"{1 / SLIDE:.4f}", "pad": "0.05"}
    if title:
        attrs |= {"label": f"<<b>{_text(title)}</b>>", "labelloc": "t", "fontsize": "16"}
    return attrs


class _Drawing:
    """Generated ids and colours for one architecture, shared by its nodes and edges."""

    def __init__(
        self,
        architecture: Architecture,
        marks: Mapping[str, Sequence[int]],
        aspect: float | None,
    ) -> None:
        self.architecture = architecture
        self.aspect = aspect
        self.marks = marks
        self.colors = team_colors(architecture)
        self.ids = {c.name: f"n{i}" for i, c in enumerate(architecture.components, 1)}
        self.kinds = {c.name: c.kind for c in architecture.components}
        self.anchors: dict[str, str] = {}

    def add_component(self, graph: graphviz.Digraph, component: Component) -> None:
        node_id = self.ids[component.name]
        if component.modules and component.kind != Kind.DATASTORE:
            self._add_cluster(graph, component, node_id)
            return
        shape, style, fill = _SHAPES[component.kind]
        if component.load == Load.HIGH and component.kind == Kind.SERVICE:
            shape, style = "box3d", "filled"
        attrs = {"shape": shape, "style": style, "fillcolor": self._fill(component, fill)}
        attrs |= self._mark_attrs(component)
        _write_node(graph, node_id, _label(component, self.marks.get(component.name)), **attrs)

    def _add_cluster(self, graph: graphviz.Digraph, component: Component, node_id: str) -> None:
        """A component with modules: a cluster holding one node per module."""
        with graph.subgraph(name=f"cluster_{node_id}") as cluster:
            label = _label(component, self.marks.get(component.name))
            fill = self._fill(component, _SHAPES[component.kind][2])
            cluster.attr(label=label, style="rounded,filled", fillcolor=fill, color="#555555")
            cluster.attr(fontsize="11", margin="14")
            cluster.attr(**self._mark_attrs(component))
            enforced = bool(component.note and "enforced" in component.note)
            module_style = "filled" if enforced else "filled,dashed"
            ids = [f"{node_id}m{i}" for i, _ in enumerate(component.modules, 1)]
            for module_id, module in zip(ids, component.modules, strict=True):
                cluster.node(
                    module_id, f"<{_text(module)}>", shape="box", style=module_style,
                    fillcolor="white", fontsize="10",
                )  # fmt: skip
            self.anchors[component.name] = ids[len(ids) // 2]

    def _fill(self, component: Component, default: str) -> str:
        return self.colors.get(component.team or "", default)

    def _mark_attrs(self, component: Component) -> dict[str, str]:
        if component.name not in self.marks:
            return {}
        return {"color": MARK_COLOR, "penwidth": "3"}

    def add_layers(self, graph: graphviz.Digraph) -> None:
        """One column per layer. A long layer wraps into several columns, kept in order by
        invisible edges; then each datastore follows its service instead of a column of
        its own, so a service and its database stay side by side."""
        layers = [self._layer(kinds) for kinds in LAYERS]
        tallest = max(len(members) for members in layers)
        sizes = [len(members) for members in layers]
        rows = rows_for(sizes, self.aspect) if self.aspect else tallest
        wraps = rows < tallest
        if wraps:
            # Bundles the gateway's fan-out and parallel calls into shared trunks.
            graph.attr(concentrate="true")
        for index, members in enumerate(layers):
            if wraps and LAYERS[index] == (Kind.DATASTORE,):
                continue
            wrapped = columns(members, rows)
            for part, column in enumerate(wrapped):
                with graph.subgraph(name=f"layer{index}_{part}") as layer:
                    layer.attr(rank="same")
                    layer.body += [f"\t{member}\n" for member in column]
            gap = "2" if wraps else "1"  # room for the datastores between columns
            for left, right in zip(wrapped, wrapped[1:], strict=False):
                for a, b in zip(left, right, strict=False):
                    _write_edge(graph, a, b, style="invis", weight="5", minlen=gap)

    def _layer(self, kinds: tuple[Kind, ...]) -> list[str]:
        members = self._module_nodes(kinds)
        members += [self._node(c.name) for c in self.architecture.of_kind(*kinds)]
        return sorted(set(members), key=members.index)

    def _module_nodes(self, kinds: tuple[Kind, ...]) -> list[str]:
        return [
            f"{self.ids[c.name]}m{i}"
            for c in self.architecture.of_kind(*kinds)
            if c.name in self.anchors
            for i, _ in enumerate(c.modules, 1)
        ]

    def _node(self, name: str) -> str:
        return self.anchors.get(name, self.ids[name])

    def add_link(self, graph: graphviz.Digraph, link: Link) -> None:
        attrs = _edge_attrs(link, self.kinds[link.target])
        if link.source in self.anchors:
            attrs["ltail"] = f"cluster_{self.ids[link.source]}"
        if link.target in self.anchors:
            attrs["lhead"] = f"cluster_{self.ids[link.target]}"
        _write_edge(graph, self._node(link.source), self._node(link.target), **attrs)


def _write_node(graph: graphviz.Digraph, node_id: str, label: str, **attrs: str) -> None:
    """`graph.node`, written as the `graphviz` package writes it (the label quoted by it),
    without quoting the same few attribute lists again for every node."""
    graph.body.append(f"\t{node_id} [label={quote(label)} {_pairs(tuple(attrs.items()))}]\n")


def _write_edge(graph: graphviz.Digraph, tail: str, head: str, **attrs: str) -> None:
    """`graph.edge`, written as the `graphviz` package writes it, without quoting the same
    few attribute lists again for every edge: that quoting was most of the time spent on
    a large architecture. `tail` and `head`, like every node id here, are generated
    (`n12`, `n12m3`), which DOT takes as they are; the attributes are this module's own."""
    graph.body.append(f"\t{tail} -> {head} [{_pairs(tuple(attrs.items()))}]\n")


@functools.lru_cache(maxsize=512)  # a few colours and styles, and cluster ids
def _pairs(items: tuple[tuple[str, str], ...]) -> str:
    return a_list(kwargs=dict(items))


def _edge_attrs(link: Link, target_kind: Kind) -> dict[str, str]:
    if link.style == LinkStyle.ASYNC:
        return {"style": "dashed", "color": "#6a51a3", "arrowhead": "vee"}
    if target_kind == Kind.DATASTORE:
        return {"color": "#777777"}
    return {"color": "#333333"}


def _text(value: str) -> str:
    """User text made safe inside an HTML-like label.

    Graphviz still expands escapes such as `\\N` (the node id) inside HTML labels, even when
    written as an entity, so backslashes are doubled as well.
    """
    return html.escape(value.replace("\\", "\\\\"), quote=True)


def _team_text(team: str) -> str:
    return team if team.lower().startswith("team") else f"team {team}"


def _wrapped(value: str) -> str:
    if len(value) <= _WRAP:
        return _text(value)
    return "<br/>".join(_text(line) for line in textwrap.wrap(value, _WRAP)) or _text(value)


def _label(component: Component, badges: Sequence[int] | None) -> str:
    lines = [f"<b>{_text(component.name)}</b>"]
    details = _details(component)
    if details:
        lines.append(f'<font point-size="9">{_wrapped(" · ".join(details))}</font>')
    if component.kind == Kind.DATASTORE and component.modules:
        schemas = "schemas: " + ", ".join(component.modules)
        lines.append(f'<font point-size="9">{_wrapped(schemas)}</font>')
    if component.note:
        lines.append(f'<font point-size="9"><i>{_wrapped(component.note)}</i></font>')
    if badges:
        numbers = ",".join(str(int(b)) for b in badges)
        lines.append(f'<font color="{MARK_COLOR}"><b>⚠ {numbers}</b></font>')
    # A padded cell keeps the text off the box's edge, for nodes and clusters alike.
    return (
        f'<<table border="0" cellpadding="{_PADDING}"><tr><td>'
        + "<br/>".join(lines)
        + "</td></tr></table>>"
    )


def _details(component: Component) -> list[str]:
    details = [str(component.kind)]
    if component.team:
        details.append(_team_text(component.team))
    for value in (component.language, component.engine, component.layer):
        if value:
            details.append(str(value))
    if component.load == Load.HIGH:
        details.append("scaled out")
    return details


def _add_legend(graph: graphviz.Digraph, architecture: Architecture, colors: dict) -> None:
    with graph.subgraph(name="cluster_legend") as legend:
        legend.attr(label="<<b>Legend</b>>", style="rounded", color="#999999", fontsize="11")
        legend.node("legend", _legend_table(architecture, colors), shape="plaintext", fontsize="9")


_LEGEND_SHAPES = {
    Kind.GATEWAY: "⬡ gateway",
    Kind.BROKER: "▷ message broker",
    Kind.ESB: "enterprise service bus",
    Kind.DATASTORE: "⛁ datastore",
}


def _legend_table(architecture: Architecture, colors: dict[str, str]) -> str:
    rows = [
        ("", '<font color="#333333">━━━▶</font> sync call'),
        ("", '<font color="#6a51a3">- - - ▷</font> async event'),
    ]
    kinds = {c.kind for c in architecture.components}
    rows += [("", text) for kind, text in _LEGEND_SHAPES.items() if kind in kinds]
    if any(c.load == Load.HIGH for c in architecture.components):
        rows.append(("", "3-D box: scaled out (high load)"))
    rows.append(("", f'<font color="{MARK_COLOR}">⚠ n</font> anti-pattern n'))
    rows += [(color, _text(_team_text(team))) for team, color in colors.items()]
    cells = [
        f'<tr><td width="14"{f' bgcolor="{color}"' if color else ""}> </td>'
        f'<td align="left">{text}</td></tr>'
        for color, text in rows
    ]
    return '<<table border="0" cellspacing="2" cellpadding="1">' + "".join(cells) + "</table>>"
