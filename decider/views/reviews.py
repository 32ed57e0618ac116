"""Reviewing an architecture: build it row by row, or paste or upload it in any format
of the review registry (JSON, MicroTOSCA, compose files, Kubernetes manifests)."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from architectures.antipatterns import detect_in
from architectures.model import Architecture, parse_architecture
from architectures.review_formats import load_json
from decider.badges import badges
from decider.diagrams import inline_drawing, inline_svg
from decider.exports import links as download_links
from decider.formrows import edit_rows, is_row_action
from decider.models import Review
from decider.review_forms import (
    ROW_FIELDS,
    ComponentForm,
    ComponentFormSet,
    ImportForm,
    LinkForm,
    LinkFormSet,
    builder_formsets,
    read_builder,
)
from decider.reviews import built, create_review, drawing, import_details
from decider.views.pictures import badged, slide_links, slide_response
from decider.views.recent import remember
from decider.views.rows import focus_after, with_row_defaults

EXAMPLES_DIR = Path(settings.BASE_DIR) / "fixtures" / "architectures"
DEFAULT_EXAMPLE = "shared_database"
LIMITS = {"components": ComponentFormSet.max_num, "links": LinkFormSet.max_num}
ROW_FORMS = {"components": ComponentForm, "links": LinkForm}
FIRST_FIELDS = {"components": "name", "links": "source"}
PAGE = "review_form.html"


@cache
def examples() -> dict[str, dict[str, Any]]:
    return {path.stem: load_json(path.read_bytes()) for path in sorted(EXAMPLES_DIR.glob("*.json"))}


def review_form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _submitted(request)
    name = request.GET.get("example", DEFAULT_EXAMPLE)
    data = examples().get(name, examples()[DEFAULT_EXAMPLE])
    architecture = parse_architecture(data)
    components, links = builder_formsets(architecture=architecture)
    text = json.dumps(architecture.to_dict(), indent=2)
    return _page(
        request,
        components=components,
        links=links,
        import_form=ImportForm(initial={"architecture": text}),
    )


def _submitted(request: HttpRequest) -> HttpResponse:
    if request.POST.get("source", "build") != "build":
        return _from_import(request)
    action = request.POST.get("action", "")
    if is_row_action(action, "components", "links"):
        prefix = "components" if "components" in action else "links"
        data = edit_rows(request.POST, prefix, ROW_FIELDS[prefix], action, LIMITS[prefix])
        data = with_row_defaults(data, prefix, ROW_FORMS[prefix])
        components, links = builder_formsets(data)
        edited = components if prefix == "components" else links
        focus = focus_after(action, prefix, edited, first_field=FIRST_FIELDS[prefix])
        focus_add = prefix if focus is None else ""
        return _page(request, components=components, links=links, quiet=True, focus_add=focus_add)
    components, links, architecture, problems = read_builder(request.POST)
    if architecture is None:
        return _page(request, components=components, links=links, builder_problems=problems)
    return redirect(create_review(imported=built(architecture)))


def _from_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    imported = form.imported()
    if imported is None:
        return _page(request, import_form=form, open_tab="import")
    return redirect(create_review(imported=imported))


def _page(request: HttpRequest, **context: Any) -> HttpResponse:
    if "components" not in context:
        context["components"], context["links"] = builder_formsets(
            architecture=parse_architecture(examples()[DEFAULT_EXAMPLE])
        )
    context.setdefault("import_form", ImportForm())
    context.setdefault("open_tab", "build")
    context["examples"] = [(name, data.get("description", "")) for name, data in examples().items()]
    return render(request, PAGE, context)


@require_POST
@vary_on_headers("HX-Request")
def analyse_draft(request: HttpRequest) -> HttpResponse:
    """Live re-analysis of the architecture being built (not saved): htmx gets the
    analysis fragment of the page, a plain request the whole page with it filled in."""
    components, links, architecture, problems = read_builder(request.POST)
    context: dict[str, Any] = {
        "components": components,
        "links": links,
        "problems": problems,
        "drafted": True,
    }
    if architecture is not None:
        context |= _analysis(architecture)
    if request.htmx:
        return render(request, f"{PAGE}#analysis", context)
    return _page(request, **context)


def _analysis(architecture: Architecture) -> dict[str, Any]:
    findings = [f.to_dict() for f in detect_in(architecture)]
    found = badges(findings)
    svg = inline_svg(architecture, marks=found, title="Reviewed architecture")
    badged_numbers = badged(found, architecture)
    return {"findings": findings, "diagram_svg": svg, "analysed": True, "badged": badged_numbers}


def review(request: HttpRequest, pk: str) -> HttpResponse:
    saved = get_object_or_404(Review, pk=pk)
    drawn = drawing(saved)
    architecture, found = drawn.architecture, drawn.marks
    findings = saved.result["anti_patterns"]
    svg = inline_drawing(drawn)
    details = import_details(saved)
    context = {
        "review": saved,
        "findings": findings,
        "badged": badged(found, architecture),
        "diagram_svg": svg,
        "downloads": download_links(saved),
        "slide_links": slide_links("review_slide", saved.pk),
        "counts": {"components": len(architecture.components), "links": len(architecture.links)},
        **details,
        "evidence_by_component": _evidence_by(details["evidence"]["components"], "name"),
    }
    title = f"{len(findings)} warning{'s' if len(findings) != 1 else ''}, {saved}"
    remember(request, kind="review", url=saved.get_absolute_url(), title=title)
    return render(request, "review.html", context)


def review_slide(request: HttpRequest, pk: str, fmt: str) -> HttpResponse:
    """The reviewed architecture laid out for a 16:9 slide, anti-patterns marked."""
    saved = get_object_or_404(Review, pk=pk)
    return slide_response(request, saved, drawing(saved), fmt)


def _evidence_by(records: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        grouped.setdefault(record[key], []).append(record)
    return grouped
