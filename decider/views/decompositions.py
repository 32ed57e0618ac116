"""Pages: decompose a monolith, and the saved decomposition with its granularity slider.

The slider re-runs the decomposition and saves it as a decomposition of its own (an
earlier run with the same options is reused), so what the page shows always has a
permalink and downloads; htmx swaps the result in place and pushes the new URL.
"""

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url

from architectures.decomposition.monolith import Monolith, MonolithInvalid, Problem
from architectures.decomposition.options import option_problems
from decider.assessments import diagram_urls
from decider.decomposition_forms import DecomposeForm, OptionsForm
from decider.decompositions import (
    EXAMPLES,
    METRICS,
    RESOLUTION_STEPS,
    create_decomposition,
    describe_location,
    diagram_sources,
    example_text,
    module_names,
    read_monolith_text,
    rerun_decomposition,
    resolution_step,
    split_pins,
    step_resolution,
)
from decider.diagrams import inline_dot_svg
from decider.models import Decomposition

DIAGRAM_UNAVAILABLE = (
    "The diagram cannot be drawn right now. The DOT, Mermaid and PlantUML downloads "
    "below still work; please try again later."
)
PROBLEMS_SHOWN = 100


@dataclass
class Draft:
    """What a form asks for, or the problems with it per field."""

    form: forms.Form
    problems: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    monolith: Monolith | None = None
    resolution: float = 1.0
    pins: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, problems: list[Problem]) -> None:
        if problems:
            self.problems.setdefault(name, []).extend(
                (describe_location(p.loc), p.msg) for p in problems
            )


@vary_on_headers("HX-Request")
def decompose_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        draft = read_decompose_form(request)
        if not draft.problems:
            saved = create_decomposition(
                monolith=draft.monolith, resolution=draft.resolution, pins=draft.pins
            )
            if request.htmx:
                return HttpResponseClientRedirect(saved.get_absolute_url())
            return redirect(saved)
    else:
        text = example_text(request.GET.get("example", ""))
        draft = Draft(DecomposeForm(initial={"monolith": text or ""}))
    context = {
        "form": draft.form,
        "problems": _shown(draft.problems),
        "examples": EXAMPLES,
        "steps": RESOLUTION_STEPS,
    }
    template = "partials/decomposition_form.html" if request.htmx else "decompose.html"
    return render(request, template, context)


def read_decompose_form(request: HttpRequest) -> Draft:
    """Read the pasted or uploaded monolith and the options; an uploaded file replaces
    the pasted text, and is put into the text box when there are problems to fix."""
    data = request.POST.copy()
    upload = request.FILES.get("file")
    if upload is not None:
        try:
            data["monolith"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            draft = read_options(DecomposeForm(data), known=None)
            draft.add("monolith", [Problem(("file",), "The file is not UTF-8 text.", "unicode")])
            return draft
    draft = read_options(DecomposeForm(data), known=None)
    try:
        draft.monolith = read_monolith_text(data.get("monolith", ""))
    except MonolithInvalid as invalid:
        draft.add("monolith", invalid.problems)
        return draft
    draft.add("pins", option_problems(module_names(draft.monolith), 1.0, draft.pins))
    return draft


def read_options(form: forms.Form, *, known: set[str] | None) -> Draft:
    draft = Draft(form)
    form.is_valid()
    for name, errors in form.errors.items():
        draft.problems[name] = [("", e) for e in errors]
    if "granularity" in form.cleaned_data:
        draft.resolution = step_resolution(form.cleaned_data["granularity"])
    draft.pins, problems = split_pins(form.cleaned_data.get("pins", ""))
    draft.add("pins", problems)
    if known is not None:
        draft.add("pins", option_problems(known, draft.resolution, draft.pins))
    return draft


def decomposition(request: HttpRequest, pk: str) -> HttpResponse:
    saved = get_object_or_404(Decomposition, pk=pk)
    return render(request, "decomposition.html", result_context(saved, options_form(saved)))


@require_POST
@vary_on_headers("HX-Request")
def rerun(request: HttpRequest, pk: str) -> HttpResponse:
    """The same monolith at another granularity or with other pins."""
    saved = get_object_or_404(Decomposition, pk=pk)
    known = {m["name"] for m in saved.monolith["modules"]}
    draft = read_options(OptionsForm(request.POST), known=known)
    if draft.problems:
        context = result_context(saved, draft.form, problems=draft.problems)
        template = "partials/decomposition_result.html" if request.htmx else "decomposition.html"
        return render(request, template, context)
    new = rerun_decomposition(saved, resolution=draft.resolution, pins=draft.pins)
    if not request.htmx:
        return redirect(new)
    response = render(
        request, "partials/decomposition_result.html", result_context(new, options_form(new))
    )
    return push_url(response, new.get_absolute_url())


def options_form(saved: Decomposition) -> OptionsForm:
    pins = saved.options.get("pins", {})
    text = "".join(f"{module} = {name}\n" for module, name in pins.items())
    step = resolution_step(saved.result["resolution"])
    return OptionsForm(initial={"granularity": step, "pins": text})


def result_context(
    saved: Decomposition, form: forms.Form, *, problems: dict | None = None
) -> dict[str, Any]:
    result = saved.result
    svg = inline_dot_svg(diagram_sources(saved).dot)
    metrics = [(m, result["metrics"][m.key]) for m in METRICS]
    return {
        "saved": saved,
        "result": result,
        "module_count": len(saved.monolith["modules"]),
        "metrics": metrics,
        "form": form,
        "problems": _shown(problems or {}),
        "steps": RESOLUTION_STEPS,
        "rerun_url": reverse("decomposition_rerun", args=[saved.pk]),
        "shared_names": {s["table"] for s in result["shared_tables"]},
        "diagram_svg": svg,
        "diagram_error": None if svg else DIAGRAM_UNAVAILABLE,
        "diagram_links": diagram_urls("decompositions", saved.pk),
    }


def _shown(problems: dict[str, list[tuple[str, str]]]) -> dict[str, dict[str, Any]]:
    """Per field, the first problems to list and how many more there are."""
    return {
        name: {"shown": found[:PROBLEMS_SHOWN], "more": max(0, len(found) - PROBLEMS_SHOWN)}
        for name, found in problems.items()
    }
