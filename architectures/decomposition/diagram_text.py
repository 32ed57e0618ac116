"""Mermaid (`flowchart LR`) and PlantUML text of the candidates' diagram.

Names are user text: ids are generated, and every label is reduced to letters, digits,
spaces and `_ . -`, anything else written as a numeric entity (`#35;` in Mermaid,
`&#35;` in PlantUML), so no name can close a string, start markup or add a link.
"""

import re

from architectures.decomposition.diagram_view import Box, View, diagram_view
from architectures.decomposition.split import Split

_UNSAFE = re.compile(r"[^A-Za-z0-9 _.\-]")


def mermaid_label(text: str) -> str:
    return '"' + _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text) + '"'


def plantuml_label(text: str) -> str:
    return '"' + _UNSAFE.sub(lambda m: f"&#{ord(m.group())};", text) + '"'


def to_mermaid(decomposition: Split) -> str:
    """Mermaid flowchart of the candidates' diagram."""
    view = diagram_view(decomposition)
    lines = ["flowchart LR"]
    for box in view.boxes:
        if view.overview:
            lines.append(f"  {box.id}[{mermaid_label(_overview_label(box))}]")
            continue
        lines.append(f"  subgraph {box.id}[{mermaid_label(box.label)}]")
        lines += [f"    {n.id}[{mermaid_label(n.label)}]" for n in box.modules]
        lines += [f"    {n.id}[({mermaid_label(n.label)})]" for n in box.tables]
        lines += [f"    {n.id}>{mermaid_label(n.label)}]" for n in box.more]
        lines.append("  end")
    lines += [f"  {n.id}[({mermaid_label(n.label)})]:::shared" for n in view.shared]
    lines += [f"  {e.source} -->|{mermaid_label(e.label)}| {e.target}" for e in view.calls]
    lines += [f"  {e.source} -.->|writes| {e.target}" for e in view.writes]
    if view.note:
        lines.append(f"  note[{mermaid_label(view.note)}]")
    lines.append("  classDef shared stroke:#c62828,color:#c62828,stroke-width:2px")
    return "\n".join(lines) + "\n"


def to_plantuml(decomposition: Split) -> str:
    """PlantUML component diagram of the candidates' diagram."""
    view = diagram_view(decomposition)
    lines = ["@startuml", "left to right direction", "skinparam componentStyle rectangle"]
    for box in view.boxes:
        if view.overview:
            lines.append(f"rectangle {plantuml_label(_overview_label(box))} as {box.id}")
            continue
        lines.append(f"rectangle {plantuml_label(box.label)} as {box.id} {{")
        lines += [f"  component {plantuml_label(n.label)} as {n.id}" for n in box.modules]
        lines += [f"  database {plantuml_label(n.label)} as {n.id}" for n in box.tables]
        lines += [f"  label {plantuml_label(n.label)} as {n.id}" for n in box.more]
        lines.append("}")
    lines += [f"database {plantuml_label(n.label)} as {n.id} #line:red" for n in view.shared]
    lines += [f"{e.source} --> {e.target} : {_plain(e.label)}" for e in view.calls]
    lines += [f"{e.source} ..> {e.target} #red : writes" for e in view.writes]
    if view.note:
        lines.append(f"note as note\n  {_plain(view.note)}\nend note")
    lines.append("@enduml")
    return "\n".join(lines) + "\n"


def _overview_label(box: Box) -> str:
    return f"{box.label} - {box.summary.replace(' · ', ', ')}"


def _plain(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"&#{ord(m.group())};", text)


__all__ = ["View", "mermaid_label", "plantuml_label", "to_mermaid", "to_plantuml"]
