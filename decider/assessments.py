"""Making and reading assessments: the service layer between views and the engine."""

from typing import Any

from django.urls import reverse

from architectures.model import Architecture, parse_architecture
from decider.badges import badges
from decider.engine import Answers, parse_answers, recommend
from decider.engine.choices import Family
from decider.exports import BY_NAME, Drawing, diagram_urls, download_url
from decider.models import Assessment
from decider.proposal import assessment_findings, propose
from decider.proposal.adr import to_adr
from decider.proposal.architecture import consolidates


def analyse(answers: Answers) -> dict[str, Any]:
    """Everything an assessment shows, computed once and saved with it."""
    recommendation = recommend(answers)
    architecture = propose(answers, recommendation.style, build_first=recommendation.build_first)
    result = recommendation.to_dict()
    result["architecture"] = architecture.to_dict()
    leans = recommendation.architecture == Family.MICROSERVICES
    findings = assessment_findings(answers, architecture, leans_microservices=leans)
    result["anti_patterns"] = [f.to_dict() for f in findings]
    return result


def new_assessment(
    *, answers: Answers, project: str = "", previous: Assessment | None = None
) -> Assessment:
    """The assessment of these answers, not saved (the command line saves on request)."""
    return Assessment(
        answers=answers.to_dict(), result=analyse(answers), project=project, previous=previous
    )


def create_assessment(
    *, answers: Answers, project: str = "", previous: Assessment | None = None
) -> Assessment:
    assessment = new_assessment(answers=answers, project=project, previous=previous)
    assessment.save(force_insert=True)
    return assessment


def saved_architecture(result: dict[str, Any]) -> Architecture:
    return parse_architecture(result["architecture"])


def compare_url(assessment: Assessment) -> str | None:
    """The API's comparison of an assessment with the one it re-ran, if any."""
    if assessment.previous_id is None:
        return None
    return reverse("api:compare_assessments", args=[assessment.previous_id, assessment.id])


def diagram_title(assessment: Assessment) -> str:
    style = assessment.result["recommendation"]["style"].replace("_", " ")
    fleet = consolidates(parse_answers(assessment.answers))
    merged = f", consolidating {fleet} services" if fleet else ""
    return f"Proposed architecture: {style}{merged}"


def assessment_payload(assessment: Assessment) -> dict[str, Any]:
    """The API's Assessment: the saved result plus identity and links."""
    return {
        "id": assessment.id,
        "url": assessment.get_absolute_url(),
        "created": assessment.created,
        "answers": assessment.answers,
        "project": assessment.project,
        "previous": assessment.previous_id,
        "compare": compare_url(assessment),
        **assessment.result,
        "diagram": diagram_urls(assessment),
        "microtosca": download_url(assessment, BY_NAME["microtosca"]),
        "adr": download_url(assessment, BY_NAME["adr"]),
    }


def drawing(assessment: Assessment, *, url: str) -> Drawing:
    """What the assessment's downloads are made of; `url` is its page, for the record."""
    result = assessment.result
    return Drawing(
        title=diagram_title(assessment),
        architecture=saved_architecture(result),
        marks=badges(result["anti_patterns"]),
        record=lambda: to_adr(
            result,
            answers=assessment.answers,
            created=assessment.created,
            url=url,
            project=assessment.project,
        ),
    )
