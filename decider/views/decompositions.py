"""Pages: decompose a monolith, and the saved decomposition with its granularity slider.

The slider re-runs the decomposition and saves it as a decomposition of its own (an
earlier run with the same options is reused), so what the page shows always has a
permalink and downloads; htmx swaps the result in place (the `swap` partial of
`decomposition.html`, with the page's new title) and pushes the new URL.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.tasks import TaskResult
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, push_url

from architectures.decomposition.diagram_view import diagram_view
from architectures.decomposition.options import Options
from architectures.monolith_formats import MONOLITH_FORMATS
from decider.decomposition_forms import (
    AUTO,
    MANUAL,
    RESOLUTION_STEPS,
    DecomposeForm,
    OptionsForm,
    Shown,
    resolution_step,
)
from decider.decompositions import (
    drawing,
    rerun_decomposition,
    saved_result,
    start_decomposition,
)
from decider.diagrams import inline_dot_svg
from decider.exports import diagram_urls
from decider.jobs.queue import progress_url
from decider.models import Decomposition
from decider.views.decomposition_presentation import (
    DIAGRAM_UNAVAILABLE,
    EXAMPLES,
    METRICS,
    example_text,
    readable_class,
)
from decider.views.recent import remember

PROBLEMS_SHOWN = 100


@vary_on_headers("HX-Request")
def decompose_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = DecomposeForm(request.POST, request.FILES)
        if (found := form.read()) is not None:
            read, options = found
            started = start_decomposition(monolith=read.monolith, **_arguments(options))
            return _go_to(request, _where(started, reverse("decompose")))
    else:
        text = example_text(request.GET.get("example", ""))
        form = DecomposeForm(initial={"monolith": text or ""})
    context = {
        "form": form,
        "problems": _shown(form.problems),
        "examples": EXAMPLES,
        "formats": MONOLITH_FORMATS,
        "steps": RESOLUTION_STEPS,
    }
    return render(request, "decompose.html#form" if request.htmx else "decompose.html", context)


def decomposition(request: HttpRequest, pk: str) -> HttpResponse:
    saved = get_object_or_404(Decomposition, pk=pk)
    remember(request, kind="decomposition", url=saved.get_absolute_url(), title=str(saved))
    return render(request, "decomposition.html", result_context(saved, options_form(saved)))


@require_POST
@vary_on_headers("HX-Request")
def rerun(request: HttpRequest, pk: str) -> HttpResponse:
    """The same monolith at another granularity, for a number of teams, or with pins."""
    saved = get_object_or_404(Decomposition, pk=pk)
    form = OptionsForm(request.POST, shown=_shown_by(saved), rerun_url=_rerun_url(saved))
    options = form.options({m["name"] for m in saved.monolith["modules"]})
    if options is None:
        template = "decomposition.html#swap" if request.htmx else "decomposition.html"
        return render(request, template, result_context(saved, form))
    new = rerun_decomposition(saved, **_arguments(options))
    if isinstance(new, TaskResult):
        return _go_to(request, _where(new, saved.get_absolute_url()))
    if not request.htmx:
        return redirect(new)
    response = render(request, "decomposition.html#swap", result_context(new, options_form(new)))
    return push_url(response, new.get_absolute_url())


def _where(started: Decomposition | TaskResult, waiting_from: str) -> str:
    """The result's page, or, for queued work, the progress page (which moves on to the
    result when the worker is done)."""
    if isinstance(started, TaskResult):
        return progress_url(str(started.id), next_url=waiting_from)
    return started.get_absolute_url()


def _go_to(request: HttpRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _arguments(options: Options) -> dict[str, Any]:
    return {"resolution": options.resolution, "pins": options.pins, "teams": options.teams}


def _shown_by(saved: Decomposition) -> Shown:
    mode = AUTO if saved.options.get("resolution") is None else MANUAL
    return Shown(mode, resolution_step(saved.result["resolution"]))


def _rerun_url(saved: Decomposition) -> str:
    return reverse("decomposition_rerun", args=[saved.pk])


def options_form(saved: Decomposition) -> OptionsForm:
    pins = saved.options.get("pins", {})
    text = "".join(f"{module} = {name}\n" for module, name in pins.items())
    initial = {"pins": text, "teams": saved.options.get("teams")}
    return OptionsForm(initial=initial, shown=_shown_by(saved), rerun_url=_rerun_url(saved))


def result_context(saved: Decomposition, form: OptionsForm) -> dict[str, Any]:
    result = saved.result
    svg = inline_dot_svg(drawing(saved).dot())
    return {
        "saved": saved,
        "result": result,
        "module_count": len(saved.monolith["modules"]),
        "metrics": [(m, result["metrics"][m.key]) for m in METRICS],
        "form": form,
        "problems": _shown(form.problems),
        "steps": RESOLUTION_STEPS,
        "rerun_url": _rerun_url(saved),
        "shared_names": {s["table"] for s in result["shared_tables"]},
        "diagram_svg": svg,
        "diagram_width_class": readable_class(svg),
        "overview": diagram_view(saved_result(result)).overview,
        "diagram_error": None if svg else DIAGRAM_UNAVAILABLE,
        "diagram_links": diagram_urls(saved),
        "api_url": reverse("api:get_decomposition", args=[saved.pk]),
    }


def _shown(problems: dict[str, list[tuple[str, str]]]) -> dict[str, dict[str, Any]]:
    """Per field, the first problems to list and how many more there are."""
    return {
        name: {"shown": found[:PROBLEMS_SHOWN], "more": max(0, len(found) - PROBLEMS_SHOWN)}
        for name, found in problems.items()
    }
