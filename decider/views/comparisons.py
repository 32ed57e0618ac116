"""Two assessments side by side: what changed in the answers, in each factor, and in the
verdict, with both proposals drawn."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from decider.assessments import drawing
from decider.charts import factor_chart
from decider.comparison import Comparison
from decider.diagrams import inline_drawing
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
    return inline_drawing(drawing(assessment, url=assessment.get_absolute_url()))
