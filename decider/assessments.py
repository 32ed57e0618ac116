"""Making and reading assessments: the service layer between views and the engine."""

from typing import Any

from decider.engine import Answers, recommend
from decider.models import Assessment

DIAGRAM_FORMATS = ("svg", "png", "pdf", "dot", "mmd", "puml")


def analyse(answers: Answers) -> dict[str, Any]:
    """Everything an assessment shows, computed once and saved with it."""
    result = recommend(answers).to_dict()
    result["architecture"] = {"components": [], "links": []}
    result["anti_patterns"] = []
    return result


def create_assessment(*, answers: Answers) -> Assessment:
    return Assessment.objects.create(answers=answers.to_dict(), result=analyse(answers))


def diagram_urls(kind: str, pk: object) -> dict[str, str]:
    return {fmt: f"/api/v1/{kind}/{pk}/diagram.{fmt}" for fmt in DIAGRAM_FORMATS}


def assessment_payload(assessment: Assessment) -> dict[str, Any]:
    """The API's Assessment: the saved result plus identity and links."""
    return {
        "id": assessment.id,
        "url": assessment.get_absolute_url(),
        "created": assessment.created,
        "answers": assessment.answers,
        **assessment.result,
        "diagram": diagram_urls("assessments", assessment.id),
    }
