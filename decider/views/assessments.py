"""Pages: the questionnaire with its live preview, and the saved assessment."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from decider.assessments import (
    create_assessment,
    drawing,
)
from decider.charts import factor_chart, weighing
from decider.diagrams import inline_drawing
from decider.engine import recommend
from decider.engine.choices import STYLE_LABELS
from decider.engine.sources import LINKS, Source
from decider.exports import links as download_links
from decider.formrows import edit_rows, is_row_action
from decider.forms import (
    DomainForm,
    DomainFormSet,
    blank_questionnaire,
    prefilled_questionnaire,
    questionnaire_context,
    read_questionnaire,
)
from decider.models import Assessment
from decider.views.examples import example_forms, examples
from decider.views.pictures import badged, slide_links, slide_response
from decider.views.recent import remember
from decider.views.rows import focus_after, with_row_defaults

PAGE = "questionnaire.html"
DIAGRAM_UNAVAILABLE = (
    "The diagram cannot be drawn right now. The text formats below still work; "
    "please try again later."
)


def questionnaire(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        chosen = request.GET.get("example", "")
        forms = example_forms(chosen) or blank_questionnaire()
        return _page(request, *forms, example=chosen if chosen in examples() else "")
    action = request.POST.get("action", "")
    if is_row_action(action, "domains"):
        fields = list(DomainForm.base_fields)
        data = edit_rows(request.POST, "domains", fields, action, DomainFormSet.max_num)
        data = with_row_defaults(data, "domains", DomainForm)
        form, domains, _ = read_questionnaire(data)
        focus = focus_after(action, "domains", domains, first_field="name")
        return _page(request, form, domains, quiet=True, focus_add=focus is None)
    form, domains, answers = read_questionnaire(request.POST)
    if answers is None:
        return _page(request, form, domains)
    data = form.cleaned_data
    previous = (
        Assessment.objects.filter(pk=data.get("previous")).first() if data.get("previous") else None
    )
    return redirect(
        create_assessment(
            answers=answers, project=data.get("project", "").strip(), previous=previous
        )
    )


def what_if(request: HttpRequest, pk: str) -> HttpResponse:
    """The questionnaire filled in with an assessment's answers; what it creates is linked
    to that assessment as its `previous`, so the two can be compared."""
    saved = get_object_or_404(Assessment, pk=pk)
    forms = prefilled_questionnaire(saved.answers, project=saved.project, previous=saved.pk)
    return _page(request, *forms, what_if=saved)


def _page(request: HttpRequest, form: Any, domains: Any, **extra: Any) -> HttpResponse:
    context = questionnaire_context(form, domains) | {"examples": examples().values()} | extra
    return render(request, PAGE, context)


def _title(saved: Assessment) -> str:
    style = saved.result["recommendation"]["style"]
    return f"{STYLE_LABELS.get(style, style)} for {saved.answers.get('teams', '?')} team(s)"


@require_POST
@vary_on_headers("HX-Request")
def preview(request: HttpRequest) -> HttpResponse:
    """The live verdict for the answers typed so far (not saved): htmx gets the preview
    fragment of the questionnaire page, a plain request the whole page with it filled in."""
    form, domains, answers = read_questionnaire(request.POST)
    context: dict[str, Any] = {"previewed": True}
    if answers is not None:
        result = recommend(answers, with_flips=False).to_dict()
        factors = sorted(result["factors"], key=lambda f: -abs(f["contribution"]))
        context |= {"result": result, "top_factors": [f for f in factors if f["contribution"]][:4]}
    if request.htmx:
        return render(request, f"{PAGE}#preview", {"form": form, "domains": domains, **context})
    return _page(request, form, domains, **context)


def assessment(request: HttpRequest, pk: str) -> HttpResponse:
    saved = get_object_or_404(Assessment, pk=pk)
    result = saved.result
    sources = sorted({f["source"] for f in result["factors"]})
    drawn = drawing(saved, url=saved.get_absolute_url())
    svg = inline_drawing(drawn)
    context = {
        "diagram_svg": svg,
        "diagram_error": None if svg else DIAGRAM_UNAVAILABLE,
        "downloads": download_links(saved),
        "slide_links": slide_links("assessment_slide", saved.pk),
        "badged": badged(drawn.marks, drawn.architecture),
        "assessment": saved,
        "result": result,
        "chart": factor_chart(result["factors"]),
        "factors": weighing(result["factors"]),
        # The marker's left edge on the scale's 200-wide track, centred on the score.
        "score_x": round((result["recommendation"]["score"] + 1) * 100 - 2.5, 1),
        "sources": [(s, LINKS.get(Source(s))) for s in sources if s in Source._value2member_map_],
    }
    remember(request, kind="assessment", url=saved.get_absolute_url(), title=_title(saved))
    return render(request, "assessment.html", context)


def assessment_slide(request: HttpRequest, pk: str, fmt: str) -> HttpResponse:
    """The proposed architecture laid out for a 16:9 slide, anti-patterns marked."""
    saved = get_object_or_404(Assessment, pk=pk)
    return slide_response(request, saved, drawing(saved, url=saved.get_absolute_url()), fmt)
