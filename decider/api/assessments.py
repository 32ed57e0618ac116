from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from decider.api.errors import Message, ValidationErrors, parse_id, problem_details
from decider.api.exports import MICROTOSCA_RESPONSES, diagram_responses, microtosca_response
from decider.api.schemas import AnswersIn, AssessmentOut, ComparisonOut
from decider.assessments import (
    assessment_payload,
    create_assessment,
    diagram_title,
    marks,
    saved_architecture,
)
from decider.comparison import Comparison
from decider.diagrams import diagram_response
from decider.engine import AnswersInvalid, parse_answers
from decider.models import Assessment
from decider.proposal.adr import to_adr

router = Router(tags=["assessments"])


@router.post(
    "/recommendations",
    response={201: AssessmentOut, 400: Message, 413: Message, 422: ValidationErrors},
    summary="Recommend an architecture for the answers and save the assessment",
)
def create_recommendation(request: HttpRequest, payload: AnswersIn):
    data = payload.model_dump(exclude_unset=True, mode="json")
    project, previous_id = data.pop("project", ""), data.pop("previous", None)
    try:
        answers = parse_answers(data)
    except AnswersInvalid as invalid:
        return Status(422, problem_details(invalid.problems, prefix=("body", "payload")))
    previous = Assessment.objects.filter(pk=previous_id).first() if previous_id else None
    if previous_id and previous is None:
        detail = [
            {
                "loc": ["body", "payload", "previous"],
                "msg": "No such assessment.",
                "type": "value_error",
            }
        ]
        return Status(422, {"detail": detail})
    created = create_assessment(answers=answers, project=project.strip(), previous=previous)
    return Status(201, assessment_payload(created))


@router.get(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, 404: Message},
    summary="A saved assessment",
)
def get_assessment(request: HttpRequest, assessment_id: str):
    return Status(
        200, assessment_payload(get_object_or_404(Assessment, pk=parse_id(assessment_id)))
    )


@router.get(
    "/assessments/{assessment_id}/diagram.{fmt}",
    response={404: Message, 503: Message},
    openapi_extra={"responses": diagram_responses("assessment")},
    summary="The proposed architecture's diagram: svg, png, pdf, dot, mmd (Mermaid), puml",
)
def get_assessment_diagram(request: HttpRequest, assessment_id: str, fmt: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, pk=parse_id(assessment_id))
    return diagram_response(
        request,
        saved_architecture(assessment.result),
        fmt,
        filename_stem=f"decider-{assessment.result['recommendation']['style']}-{assessment.id}",
        marks=marks(assessment.result["anti_patterns"]),
        title=diagram_title(assessment),
    )


@router.get(
    "/assessments/{assessment_id}/adr.md",
    response={404: Message},
    openapi_extra={
        "responses": {200: {"description": "MADR Markdown", "content": {"text/markdown": {}}}}
    },
    summary="An architecture decision record (MADR style) of the verdict",
)
def get_assessment_adr(request: HttpRequest, assessment_id: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, pk=parse_id(assessment_id))
    url = request.build_absolute_uri(assessment.get_absolute_url())
    body = to_adr(
        assessment.result, answers=assessment.answers, created=assessment.created, url=url
    )
    response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="adr-{assessment.id}.md"'
    return response


@router.get(
    "/assessments/{assessment_id}/architecture.microtosca.yml",
    response={404: Message},
    openapi_extra={"responses": MICROTOSCA_RESPONSES},
    summary="The proposed architecture as MicroTOSCA YAML (microFreshener's format)",
)
def get_assessment_microtosca(request: HttpRequest, assessment_id: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, pk=parse_id(assessment_id))
    return microtosca_response(saved_architecture(assessment.result), f"assessment-{assessment.id}")


@router.get(
    "/assessments/{before_id}/compare/{after_id}",
    response={200: ComparisonOut, 404: Message},
    url_name="compare_assessments",
    summary="Two assessments compared: the answers that differ, each factor's change, and why the verdict moved",
)
def compare_assessments(request: HttpRequest, before_id: str, after_id: str):
    before = get_object_or_404(Assessment, pk=parse_id(before_id))
    after = get_object_or_404(Assessment, pk=parse_id(after_id))
    return Status(200, Comparison(before, after).to_dict())
