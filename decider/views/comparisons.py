"""Two assessments side by side: what changed in the answers, in each factor, and in the
verdict, with both proposals drawn."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from decider.assessments import diagram_title, saved_architecture
from decider.badges import badges
from decider.charts import factor_chart
from decider.comparison import Comparison
from decider.diagrams import inline_svg
from decider.models import Assessment


def compare(request: HttpRequest, before: str, after: str) -> HttpResponse:
    old = get_object_or_404(Assessment, pk=before)
    new = get_object_or_404(Assessment, pk=after)
    comparison = Comparison(old, new)
    context = {
        "comparison": comparison,
        "before": old,
        "after": new,
        "chart": factor_chart(
            comparison.factors, caption="How each factor's contribution changed, largest first"
        ),
        "before_svg": _svg(old),
        "after_svg": _svg(new),
    }
    return render(request, "compare.html", context)


def _svg(assessment: Assessment) -> str | None:
    result = assessment.result
    return inline_svg(
        saved_architecture(result),
        marks=badges(result["anti_patterns"]),
        title=diagram_title(assessment),
    )
