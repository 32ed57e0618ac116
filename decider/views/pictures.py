"""Diagrams as pictures for pages: which findings show on the diagram, and the 16:9
slide layout of a proposal or a review."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from architectures.diagram import to_dot
from architectures.model import Architecture
from decider.diagrams import download_response
from decider.exports import BY_NAME, Drawing
from decider.models import Saved

SLIDE_FORMATS = ("svg", "png", "pdf")


@dataclass(frozen=True)
class Slide(Drawing):
    """An architecture drawn for a 16:9 slide. It is given as `slide_of`, not as
    `architecture`, so that the download machinery asks `dot()` for its DOT rather than
    the page's remembered layout."""

    slide_of: Architecture | None = None

    def dot(self) -> str:
        return to_dot(self.slide_of, marks=self.marks, landscape=True)


def badged(marks: Mapping[str, Sequence[int]], architecture: Architecture) -> set[int]:
    """The numbers of the findings that carry a badge on the diagram: those that involve
    a component it draws. Findings from the answers alone have none."""
    drawn = {c.name for c in architecture.components}
    return {number for name, numbers in marks.items() if name in drawn for number in numbers}


def slide_links(url_name: str, pk: object) -> dict[str, str]:
    return {fmt: reverse(url_name, args=[pk, fmt]) for fmt in SLIDE_FORMATS}


def slide_response(request: HttpRequest, saved: Saved, drawing: Drawing, fmt: str) -> HttpResponse:
    """The diagram laid out for a 16:9 slide, as a download like the others (ETag, cache,
    the task queue for large pictures), named `…slide.<ext>`."""
    if fmt not in SLIDE_FORMATS:
        return HttpResponse(status=404)
    export = BY_NAME[fmt]
    export = replace(export, extension=f"slide.{export.extension}")
    slide = Slide(title="", marks=drawing.marks, slide_of=drawing.architecture)
    return download_response(request, saved, slide, export)
