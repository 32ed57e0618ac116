"""Reviewing a described architecture: build it, paste it as JSON, or import MicroTOSCA."""

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from architectures.antipatterns.detect import detect
from architectures.microtosca import MAX_BYTES, import_microtosca
from architectures.model import Architecture, ArchitectureInvalid, parse_architecture
from decider.assessments import diagram_urls, marks
from decider.diagrams import inline_svg
from decider.formrows import edit_rows, is_row_action
from decider.models import Review
from decider.review_forms import (
    ROW_FIELDS,
    ComponentFormSet,
    JsonForm,
    LinkFormSet,
    MicroToscaForm,
    builder_formsets,
    parse_json_text,
    read_builder,
)
from decider.reviews import create_review

EXAMPLES_DIR = Path(settings.BASE_DIR) / "fixtures" / "architectures"
DEFAULT_EXAMPLE = "shared_database"
LIMITS = {"components": ComponentFormSet.max_num, "links": LinkFormSet.max_num}


@cache
def examples() -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted(EXAMPLES_DIR.glob("*.json")):
        data = json.loads(path.read_text())
        found[path.stem] = data
    return found


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
        json_form=JsonForm(initial={"architecture": text}),
    )


def _submitted(request: HttpRequest) -> HttpResponse:
    source = request.POST.get("source", "build")
    if source == "json":
        return _from_json(request)
    if source == "microtosca":
        return _from_microtosca(request)
    action = request.POST.get("action", "")
    if is_row_action(action, "components", "links"):
        prefix = "components" if "components" in action else "links"
        data = edit_rows(request.POST, prefix, ROW_FIELDS[prefix], action, LIMITS[prefix])
        components, links = builder_formsets(data)
        return _page(request, components=components, links=links)
    components, links, architecture, problems = read_builder(request.POST)
    if architecture is None:
        return _page(request, components=components, links=links, builder_problems=problems)
    return redirect(create_review(architecture=architecture))


def _from_json(request: HttpRequest) -> HttpResponse:
    form = JsonForm(request.POST)
    if form.is_valid():
        try:
            return redirect(
                create_review(architecture=parse_json_text(form.cleaned_data["architecture"]))
            )
        except ArchitectureInvalid as invalid:
            for problem in invalid.problems:
                where = ".".join(map(str, problem.loc))
                form.add_error("architecture", f"{where}: {problem.msg}" if where else problem.msg)
    return _page(request, json_form=form, open_tab="json")


def _from_microtosca(request: HttpRequest) -> HttpResponse:
    form = MicroToscaForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error("file", f"The file is too large: at most {MAX_BYTES // 1000:,} KB.")
        else:
            try:
                return redirect(create_review(architecture=import_microtosca(upload.read())))
            except ArchitectureInvalid as invalid:
                for problem in invalid.problems:
                    form.add_error("file", f"{'.'.join(map(str, problem.loc))}: {problem.msg}")
    return _page(request, microtosca_form=form, open_tab="microtosca")


def _page(request: HttpRequest, **context: Any) -> HttpResponse:
    if "components" not in context:
        context["components"], context["links"] = builder_formsets(
            architecture=parse_architecture(examples()[DEFAULT_EXAMPLE])
        )
    context.setdefault("json_form", JsonForm())
    context.setdefault("microtosca_form", MicroToscaForm())
    context.setdefault("open_tab", "build")
    context["examples"] = [(name, data.get("description", "")) for name, data in examples().items()]
    return render(request, "review_form.html", context)


@require_POST
@vary_on_headers("HX-Request")
def analyse_draft(request: HttpRequest) -> HttpResponse:
    """Live re-analysis of the architecture being built (not saved)."""
    components, links, architecture, problems = read_builder(request.POST)
    context: dict[str, Any] = {"components": components, "links": links, "problems": problems}
    if architecture is not None:
        context |= _analysis(architecture)
    template = "partials/review_analysis.html" if request.htmx else "review_analysis_page.html"
    return render(request, template, context)


def _analysis(architecture: Architecture) -> dict[str, Any]:
    findings = [f.to_dict() for f in detect(answers=None, architecture=architecture)]
    svg = inline_svg(architecture, marks=marks(findings), title="Reviewed architecture")
    return {"findings": findings, "diagram_svg": svg, "analysed": True}


def review(request: HttpRequest, pk: str) -> HttpResponse:
    saved = get_object_or_404(Review, pk=pk)
    architecture = parse_architecture(saved.architecture)
    findings = saved.result["anti_patterns"]
    svg = inline_svg(architecture, marks=marks(findings), title="Reviewed architecture")
    context = {
        "review": saved,
        "findings": findings,
        "diagram_svg": svg,
        "diagram_links": diagram_urls("reviews", saved.pk),
        "microtosca_url": f"/api/v1/reviews/{saved.pk}/architecture.microtosca.yml",
        "counts": {"components": len(architecture.components), "links": len(architecture.links)},
    }
    return render(request, "review.html", context)
