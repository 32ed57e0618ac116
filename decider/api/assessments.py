from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from decider.api.errors import Message, ValidationErrors, parse_id, problem_details
from decider.api.schemas import AnswersIn, AssessmentOut
from decider.assessments import assessment_payload, create_assessment
from decider.engine import AnswersInvalid, parse_answers
from decider.models import Assessment

router = Router(tags=["assessments"])


@router.post(
    "/recommendations",
    response={201: AssessmentOut, 400: Message, 413: Message, 422: ValidationErrors},
    summary="Recommend an architecture for the answers and save the assessment",
)
def create_recommendation(request: HttpRequest, payload: AnswersIn):
    try:
        answers = parse_answers(payload.model_dump(exclude_none=True, mode="json"))
    except AnswersInvalid as invalid:
        return Status(422, problem_details(invalid.problems, prefix=("body", "payload")))
    return Status(201, assessment_payload(create_assessment(answers=answers)))


@router.get(
    "/assessments/{assessment_id}",
    response={200: AssessmentOut, 404: Message},
    summary="A saved assessment",
)
def get_assessment(request: HttpRequest, assessment_id: str):
    return Status(
        200, assessment_payload(get_object_or_404(Assessment, pk=parse_id(assessment_id)))
    )
