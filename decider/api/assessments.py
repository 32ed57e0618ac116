from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from decider.api.downloads import add_downloads
from decider.api.errors import Message, ValidationErrors, parse_id, problem_details
from decider.api.schemas import AnswersIn, AssessmentOut, ComparisonOut
from decider.assessments import assessment_payload, create_assessment, drawing
from decider.comparison import Comparison
from decider.engine import AnswersInvalid, parse_answers
from decider.models import Assessment

router = Router(tags=["assessments"])


@router.post(
    "/recommendations",
    response={201: AssessmentOut, 400: Message, 404: Message, 413: Message, 422: ValidationErrors},
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
        return Status(404, {"detail": f"No assessment {previous_id} to re-run (previous)."})
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


add_downloads(
    router,
    Assessment,
    lambda request, saved: drawing(saved, url=request.build_absolute_uri(saved.get_absolute_url())),
)


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
