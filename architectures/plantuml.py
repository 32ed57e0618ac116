"""An architecture as a PlantUML component diagram, for `.puml` exports.

Aliases are generated (`n1`, `n2`, ...); names appear only inside quoted labels, with any
character PlantUML might read as markup (creole, quotes, backslash escapes) written as a
numeric character reference, so every name shows literally.
"""

from collections.abc import Mapping, Sequence

from architectures.diagram import team_colors
from architectures.model import Architecture, Component, Kind, Link, LinkStyle

_KEYWORDS = {
    Kind.CLIENT: "actor",
    Kind.GATEWAY: "boundary",
    Kind.SERVICE: "component",
    Kind.BROKER: "queue",
    Kind.ESB: "queue",
    Kind.DATASTORE: "database",
}
_SAFE = frozenset(" .,:()")


def escape(text: str) -> str:
    """`text` safe inside a quoted PlantUML label."""
    return "".join(c if c.isalnum() or c in _SAFE else f"&#{ord(c)};" for c in text)


def to_plantuml(
    architecture: Architecture,
    *,
    marks: Mapping[str, Sequence[int]] = {},  # noqa: B006 (read only)
) -> str:
    """PlantUML source for `architecture`, with `marks` as anti-pattern badges."""
    ids = {c.name: f"n{i}" for i, c in enumerate(architecture.components, 1)}
    colors = team_colors(architecture)
    lines = ["@startuml", "left to right direction", "skinparam componentStyle rectangle"]
    for component in architecture.components:
        color = _color(component, colors, marks)
        lines += _element(component, ids[component.name], color, marks.get(component.name))
    lines += [_link(link, ids) for link in architecture.links]
    lines.append("@enduml")
    return "\n".join(lines) + "\n"


def _label(component: Component, badges: Sequence[int] | None) -> str:
    details = [str(component.kind)]
    details += [v for v in (component.team, component.language, component.engine) if v]
    if component.load == "high":
        details.append("scaled out")
    parts = [escape(component.name), " · ".join(escape(d) for d in details)]
    if component.kind == Kind.DATASTORE and component.modules:
        parts.append("schemas: " + escape(", ".join(component.modules)))
    if component.note:
        parts.append(escape(component.note))
    if badges:
        parts.append("⚠ " + escape(",".join(str(int(b)) for b in badges)))
    return "\\n".join(parts)


def _color(component: Component, colors: dict[str, str], marks: Mapping[str, Sequence[int]]) -> str:
    fill = colors.get(component.team or "", "")
    if component.name not in marks:
        return f" {fill}" if fill else ""
    return f" {fill or '#white'};line:red;line.bold"


def _element(
    component: Component, alias: str, color: str, badges: Sequence[int] | None
) -> list[str]:
    keyword = _KEYWORDS[component.kind]
    head = f'{keyword} "{_label(component, badges)}" as {alias}{color}'
    if not component.modules or component.kind == Kind.DATASTORE:
        return [head]
    modules = [
        f'  component "{escape(module)}" as {alias}m{i}'
        for i, module in enumerate(component.modules, 1)
    ]
    return [head + " {", *modules, "}"]


def _link(link: Link, ids: dict[str, str]) -> str:
    arrow = "..>" if link.style == LinkStyle.ASYNC else "-->"
    return f"{ids[link.source]} {arrow} {ids[link.target]}"
