"""An architecture as a Mermaid flowchart (`flowchart LR`), for `.mmd` exports.

Ids are generated (`n1`, `n2`, ...); names reach Mermaid only inside quoted labels, with
every character that Mermaid or HTML would interpret written as an entity code (`#quot;`).
"""

from collections.abc import Mapping, Sequence

from architectures.diagram import MARK_COLOR, team_colors
from architectures.model import Architecture, Component, Kind, Link, LinkStyle

_ENTITIES = {
    '"': "#quot;",
    "#": "#35;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "\\": "#92;",
}
_SHAPES = {
    Kind.CLIENT: ('(["', '"])'),
    Kind.GATEWAY: ('{{"', '"}}'),
    Kind.SERVICE: ('["', '"]'),
    Kind.BROKER: ('>"', '"]'),
    Kind.ESB: ('[["', '"]]'),
    Kind.DATASTORE: ('[("', '")]'),
}


def escape(text: str) -> str:
    """`text` safe inside a quoted Mermaid label: shown literally, never as markup."""
    return "".join(_ENTITIES.get(char, char) for char in text)


def to_mermaid(
    architecture: Architecture,
    *,
    marks: Mapping[str, Sequence[int]] = {},  # noqa: B006 (read only)
) -> str:
    """Mermaid source for `architecture`, with `marks` as anti-pattern badges."""
    ids = {c.name: f"n{i}" for i, c in enumerate(architecture.components, 1)}
    lines = ["flowchart LR"]
    for component in architecture.components:
        lines += _component(component, ids[component.name], marks.get(component.name))
    lines += [_link(link, ids) for link in architecture.links]
    lines += _styles(architecture, ids, marks)
    return "\n".join(lines) + "\n"


def _label(component: Component, badges: Sequence[int] | None) -> str:
    parts = [escape(component.name), escape(_details(component))]
    if component.kind == Kind.DATASTORE and component.modules:
        parts.append("schemas: " + escape(", ".join(component.modules)))
    if component.note:
        parts.append(escape(component.note))
    if badges:
        parts.append("⚠ " + ",".join(str(int(b)) for b in badges))
    return "<br/>".join(parts)


def _details(component: Component) -> str:
    details = [str(component.kind)]
    details += [str(v) for v in (component.team, component.language, component.engine) if v]
    if component.load == "high":
        details.append("scaled out")
    return " · ".join(details)


def _component(component: Component, node_id: str, badges: Sequence[int] | None) -> list[str]:
    label = _label(component, badges)
    if component.modules and component.kind != Kind.DATASTORE:
        modules = [
            f'    {node_id}m{i}["{escape(module)}"]'
            for i, module in enumerate(component.modules, 1)
        ]
        return [f'  subgraph {node_id} ["{label}"]', *modules, "  end"]
    start, end = _SHAPES[component.kind]
    return [f"  {node_id}{start}{label}{end}"]


def _link(link: Link, ids: dict[str, str]) -> str:
    arrow = "-.->" if link.style == LinkStyle.ASYNC else "-->"
    return f"  {ids[link.source]} {arrow} {ids[link.target]}"


def _styles(
    architecture: Architecture, ids: dict[str, str], marks: Mapping[str, Sequence[int]]
) -> list[str]:
    colors = team_colors(architecture)
    lines = [
        f"  style {ids[c.name]} fill:{colors[c.team]}"
        for c in architecture.components
        if c.team in colors
    ]
    marked = [ids[c.name] for c in architecture.components if c.name in marks]
    if marked:
        lines.append(f"  classDef marked stroke:{MARK_COLOR},stroke-width:3px")
        lines.append(f"  class {','.join(marked)} marked")
    return lines
