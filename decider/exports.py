"""Every download Decider offers, declared once.

A line of `EXPORTS` names a format: its file name in the URL, its file ending and content
type, whether it is a picture (drawn by Graphviz's `dot`) or a document, and what writes
it for each kind of saved result (an architecture, a decomposition's candidates, an
assessment's decision record). From this table come the download URLs (with `reverse()`),
the OpenAPI responses and file-name enum, the API's `diagram` links, the pages' links,
the command line's `--diagram` choices and one response function for all three kinds of
saved result. Adding a format is a renderer plus one line here.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.urls import reverse

from architectures.decomposition import diagram as candidates
from architectures.decomposition.split_architecture import split_architecture
from architectures.diagram import to_dot
from architectures.mermaid import to_mermaid
from architectures.microtosca_export import export_microtosca
from architectures.model import Architecture
from architectures.plantuml import to_plantuml
from architectures.structurizr import to_structurizr
from decider.models import Saved


class Kind(StrEnum):
    PICTURE = "picture"
    DOCUMENT = "document"


@dataclass(frozen=True)
class Drawing:
    """What a saved result gives the renderers: its architecture (marked with its findings'
    badges) or its decomposition, its title, and for an assessment the record's facts."""

    title: str
    architecture: Architecture | None = None
    marks: Mapping[str, Sequence[int]] = field(default_factory=dict)
    split: Any = None  # a decomposition's candidates (`architectures.decomposition.split.Split`)
    record: Callable[[], str] | None = None  # an assessment's decision record

    def dot(self) -> str:
        if self.split is not None:
            return candidates.to_dot(self.split)
        return to_dot(self.architecture, marks=self.marks, title=self.title)


Renderer = Callable[[Drawing], str]


@dataclass(frozen=True)
class Export:
    name: str  # the key in the API's links and the command line's choices
    filename: str  # the last segment of its URL
    extension: str  # the file ending of a download
    content_type: str
    kind: Kind
    label: str
    of_architecture: Renderer | None = None
    of_decomposition: Renderer | None = None
    of_assessment: Renderer | None = None

    @property
    def picture(self) -> bool:
        return self.kind is Kind.PICTURE

    @property
    def diagram(self) -> bool:
        """One of the diagram's formats (the API's `diagram` links), not a record."""
        return self.filename.startswith("diagram.")

    def renderer(self, resource: str) -> Renderer | None:
        """What writes this export of a `resource` (`assessment`, `review`,
        `decomposition`); for a picture, what writes the DOT that `dot` draws."""
        if self.picture:
            return DOT.renderer(resource)
        if resource == "decomposition":
            return self.of_decomposition
        if resource == "assessment" and self.of_assessment is not None:
            return self.of_assessment
        return self.of_architecture

    def available_for(self, resource: str) -> bool:
        return self.renderer(resource) is not None


def _picture(name: str, content_type: str, label: str) -> Export:
    return Export(name, f"diagram.{name}", name, content_type, Kind.PICTURE, label)


DOT = Export(
    "dot",
    "diagram.dot",
    "dot",
    "text/vnd.graphviz; charset=utf-8",
    Kind.DOCUMENT,
    "DOT (Graphviz)",
    of_architecture=Drawing.dot,
    of_decomposition=Drawing.dot,
)

EXPORTS: tuple[Export, ...] = (
    _picture("svg", "image/svg+xml", "SVG"),
    _picture("png", "image/png", "PNG"),
    _picture("pdf", "application/pdf", "PDF"),
    DOT,
    Export(
        "mmd",
        "diagram.mmd",
        "mmd",
        "text/plain; charset=utf-8",
        Kind.DOCUMENT,
        "Mermaid",
        of_architecture=lambda d: to_mermaid(d.architecture, marks=d.marks),
        of_decomposition=lambda d: candidates.to_mermaid(d.split),
    ),
    Export(
        "puml",
        "diagram.puml",
        "puml",
        "text/plain; charset=utf-8",
        Kind.DOCUMENT,
        "PlantUML",
        of_architecture=lambda d: to_plantuml(d.architecture, marks=d.marks),
        of_decomposition=lambda d: candidates.to_plantuml(d.split),
    ),
    Export(
        "dsl",
        "diagram.dsl",
        "dsl",
        "text/plain; charset=utf-8",
        Kind.DOCUMENT,
        "Structurizr DSL",
        of_architecture=lambda d: to_structurizr(d.architecture, title=d.title),
        of_decomposition=lambda d: to_structurizr(split_architecture(d.split), title=d.title),
    ),
    Export(
        "microtosca",
        "architecture.microtosca.yml",
        "microtosca.yml",
        "application/yaml",
        Kind.DOCUMENT,
        "MicroTOSCA (microFreshener)",
        of_architecture=lambda d: export_microtosca(d.architecture),
    ),
    Export(
        "adr",
        "adr.md",
        "md",
        "text/markdown; charset=utf-8",
        Kind.DOCUMENT,
        "Decision record (MADR)",
        of_assessment=lambda d: d.record(),
    ),
)
BY_NAME: dict[str, Export] = {e.name: e for e in EXPORTS}
BY_FILENAME: dict[str, Export] = {e.filename: e for e in EXPORTS}
RESOURCES = ("assessment", "review", "decomposition")


def exports_for(resource: str) -> tuple[Export, ...]:
    return tuple(e for e in EXPORTS if e.available_for(resource))


def diagram_exports(resource: str) -> tuple[Export, ...]:
    return tuple(e for e in exports_for(resource) if e.diagram)


def download_url(saved: Saved, export: Export) -> str:
    return reverse(f"api:{saved.resource}_download", args=[saved.id, export.filename])


def diagram_urls(saved: Saved) -> dict[str, str]:
    """The API's `diagram` links of a saved result: one per diagram format."""
    return {e.name: download_url(saved, e) for e in diagram_exports(saved.resource)}


def links(saved: Saved) -> list[dict[str, str]]:
    """Every download of a saved result, for its page: label, URL, and kind."""
    return [
        {"name": e.name, "label": e.label, "url": download_url(saved, e), "kind": str(e.kind)}
        for e in exports_for(saved.resource)
    ]


def filename(saved: Saved, export: Export) -> str:
    """`decider-<resource>-<short id>.<ext>`, with the result's name after the id when it
    has one: `decider-assessment-1a2b3c4d-billing-platform.svg`."""
    stem = f"decider-{saved.resource}-{saved.short_id}"
    if slug := _slug(saved.name):
        stem += f"-{slug}"
    return f"{stem}.{export.extension}"


def _slug(name: str) -> str:
    kept = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in kept.split("-") if part)[:40].strip("-")
