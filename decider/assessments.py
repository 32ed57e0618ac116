"""Making and reading assessments: the service layer between views and the engine."""

from typing import Any

from architectures.antipatterns.detect import detect
from architectures.model import Architecture, parse_architecture
from architectures.proposal import propose
from decider.diagrams import FORMATS
from decider.engine import Answers, recommend
from decider.engine.choices import Family
from decider.models import Assessment


def analyse(answers: Answers) -> dict[str, Any]:
    """Everything an assessment shows, computed once and saved with it."""
    recommendation = recommend(answers)
    architecture = propose(answers, recommendation.style)
    result = recommendation.to_dict()
    result["architecture"] = architecture.to_dict()
    leans = recommendation.architecture == Family.MICROSERVICES
    findings = detect(answers=answers, architecture=architecture, leans_microservices=leans)
    result["anti_patterns"] = [f.to_dict() for f in findings]
    return result


def create_assessment(*, answers: Answers) -> Assessment:
    return Assessment.objects.create(answers=answers.to_dict(), result=analyse(answers))


def diagram_urls(kind: str, pk: object) -> dict[str, str]:
    return {fmt: f"/api/v1/{kind}/{pk}/diagram.{fmt}" for fmt in FORMATS}


def saved_architecture(result: dict[str, Any]) -> Architecture:
    return parse_architecture(result["architecture"])


def marks(findings: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Component name → the numbers of the findings that involve it, as listed on the page."""
    badges: dict[str, list[int]] = {}
    for number, finding in enumerate(findings, start=1):
        for element in finding.get("elements", []):
            badges.setdefault(element, []).append(number)
    return badges


def diagram_title(assessment: Assessment) -> str:
    style = assessment.result["recommendation"]["style"].replace("_", " ")
    return f"Proposed architecture: {style}"


def assessment_payload(assessment: Assessment) -> dict[str, Any]:
    """The API's Assessment: the saved result plus identity and links."""
    return {
        "id": assessment.id,
        "url": assessment.get_absolute_url(),
        "created": assessment.created,
        "answers": assessment.answers,
        **assessment.result,
        "diagram": diagram_urls("assessments", assessment.id),
        "microtosca": f"/api/v1/assessments/{assessment.id}/architecture.microtosca.yml",
    }
