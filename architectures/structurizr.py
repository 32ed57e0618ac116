"""An architecture as a Structurizr DSL workspace (C4 model), for `.dsl` exports.

One software system holds a container per component; clients are people outside it.
Each container carries its technology (the component's language, or a datastore's engine)
and tags by kind, which the view's styles draw as cylinders, pipes and so on. Identifiers
are generated (`c1`, `c2`, ...); names appear only inside quoted strings, with quotes and
backslashes escaped, so user text can never end a string or start a statement.
"""

from architectures.model import Architecture, Component, Kind, Link, LinkStyle

_TAGS = {
    Kind.CLIENT: "Client",
    Kind.GATEWAY: "Gateway",
    Kind.SERVICE: "Service",
    Kind.BROKER: "Queue",
    Kind.ESB: "Queue",
    Kind.DATASTORE: "Database",
}
_STYLES = (
    ("Database", "shape Cylinder"),
    ("Queue", "shape Pipe"),
    ("Gateway", "shape Hexagon"),
    ("Client", "shape Person"),
)


def quote(text: str) -> str:
    """`text` as a DSL string literal."""
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_structurizr(architecture: Architecture, *, title: str = "Architecture") -> str:
    """A Structurizr DSL workspace with a container view of `architecture`."""
    ids = {c.name: f"c{i}" for i, c in enumerate(architecture.components, 1)}
    people = [c for c in architecture.components if c.kind == Kind.CLIENT]
    containers = [c for c in architecture.components if c.kind != Kind.CLIENT]
    lines = [f"workspace {quote(title)} {quote('Drawn by Decider')} {{", "    model {"]
    lines += [f"        {ids[c.name]} = person {quote(c.name)}" for c in people]
    lines.append(f"        system = softwareSystem {quote(title)} {{")
    lines += [f"            {ids[c.name]} = {_container(c)}" for c in containers]
    lines.append("        }")
    lines += [f"        {_relationship(link, architecture, ids)}" for link in architecture.links]
    lines += ["    }", "    views {", '        container system "Containers" {']
    lines += ["            include *", "            autoLayout lr", "        }", "        styles {"]
    for tag, style in _STYLES:
        lines += [
            f"            element {quote(tag)} {{",
            f"                {style}",
            "            }",
        ]
    lines += ["        }", "    }", "}"]
    return "\n".join(lines) + "\n"


def _container(component: Component) -> str:
    technology = component.engine if component.kind == Kind.DATASTORE else component.language
    description = "; ".join(
        part
        for part in (
            f"team {component.team}" if component.team else "",
            "scaled out" if component.load == "high" else "",
            component.note or "",
        )
        if part
    )
    tags = _TAGS[component.kind]
    return (
        f"container {quote(component.name)} {quote(description)} "
        f"{quote(technology or '')} {quote(tags)}"
    )


def _relationship(link: Link, architecture: Architecture, ids: dict[str, str]) -> str:
    target = architecture.by_name[link.target]
    if architecture.by_name[link.source].kind == Kind.CLIENT:
        words, technology = "Uses", "sync"
    elif link.style == LinkStyle.ASYNC:
        words, technology = "Sends events to", "async"
    elif target.kind == Kind.DATASTORE:
        words, technology = "Reads from and writes to", "sync"
    else:
        words, technology = "Calls", "sync"
    return f"{ids[link.source]} -> {ids[link.target]} {quote(words)} {quote(technology)}"
