"""Diagrams as pictures for pages: which findings show on the diagram, and the 16:9
slide layout of a proposal or a review."""

from collections.abc import Mapping, Sequence

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from architectures.diagram import to_dot
from architectures.model import Architecture
from decider.diagrams import dot_response

SLIDE_FORMATS = ("svg", "png", "pdf")


def badged(marks: Mapping[str, Sequence[int]], architecture: Architecture) -> set[int]:
    """The numbers of the findings that carry a badge on the diagram: those that involve
    a component it draws. Findings from the answers alone have none."""
    drawn = {c.name for c in architecture.components}
    return {number for name, numbers in marks.items() if name in drawn for number in numbers}


def slide_links(url_name: str, pk: object) -> dict[str, str]:
    return {fmt: reverse(url_name, args=[pk, fmt]) for fmt in SLIDE_FORMATS}


def slide_response(
    request: HttpRequest,
    architecture: Architecture,
    fmt: str,
    marks: Mapping[str, Sequence[int]],
    title: str,
    stem: str,
) -> HttpResponse:
    """The diagram laid out for a 16:9 slide, as a download with the usual caching."""
    if fmt not in SLIDE_FORMATS:
        return HttpResponse(status=404)
    dot = to_dot(architecture, marks=marks, title=title, landscape=True)
    return dot_response(request, dot, fmt, filename_stem=stem, text_exports={})
