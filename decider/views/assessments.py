"""Pages: the questionnaire with its live preview, and the saved assessment."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from decider.assessments import (
    create_assessment,
    diagram_title,
    saved_architecture,
)
from decider.badges import badges
from decider.charts import factor_chart, weighing
from decider.diagrams import inline_svg
from decider.engine import recommend
from decider.engine.sources import LINKS, Source
from decider.exports import diagram_urls
from decider.formrows import edit_rows, is_row_action
from decider.forms import (
    DomainForm,
    DomainFormSet,
    blank_questionnaire,
    questionnaire_context,
    read_questionnaire,
)
from decider.models import Assessment

DIAGRAM_UNAVAILABLE = (
    "The diagram cannot be drawn right now. The text formats below still work; "
    "please try again later."
)


def questionnaire(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "questionnaire.html", questionnaire_context(*blank_questionnaire()))
    action = request.POST.get("action", "")
    if is_row_action(action, "domains"):
        fields = list(DomainForm.base_fields)
        data = edit_rows(request.POST, "domains", fields, action, DomainFormSet.max_num)
        form, domains, _ = read_questionnaire(data)
        return render(request, "questionnaire.html", questionnaire_context(form, domains))
    form, domains, answers = read_questionnaire(request.POST)
    if answers is None:
        return render(request, "questionnaire.html", questionnaire_context(form, domains))
    return redirect(create_assessment(answers=answers))


@require_POST
@vary_on_headers("HX-Request")
def preview(request: HttpRequest) -> HttpResponse:
    """The live verdict for the answers typed so far (not saved)."""
    form, domains, answers = read_questionnaire(request.POST)
    context: dict[str, object] = {"form": form, "domains": domains}
    if answers is not None:
        result = recommend(answers, with_flips=False).to_dict()
        factors = sorted(result["factors"], key=lambda f: -abs(f["contribution"]))
        context |= {"result": result, "top_factors": [f for f in factors if f["contribution"]][:4]}
    template = "partials/preview.html" if request.htmx else "preview_page.html"
    return render(request, template, context)


def assessment(request: HttpRequest, pk: str) -> HttpResponse:
    saved = get_object_or_404(Assessment, pk=pk)
    result = saved.result
    sources = sorted({f["source"] for f in result["factors"]})
    svg = inline_svg(
        saved_architecture(result),
        marks=badges(result["anti_patterns"]),
        title=diagram_title(saved),
    )
    context = {
        "diagram_svg": svg,
        "diagram_error": None if svg else DIAGRAM_UNAVAILABLE,
        "diagram_links": diagram_urls(saved),
        "assessment": saved,
        "result": result,
        "chart": factor_chart(result["factors"]),
        "factors": weighing(result["factors"]),
        "score_percent": round((result["recommendation"]["score"] + 1) * 50, 1),
        "sources": [(s, LINKS.get(Source(s))) for s in sources if s in Source._value2member_map_],
    }
    return render(request, "assessment.html", context)
