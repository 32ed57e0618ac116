from datetime import datetime
from typing import Literal
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from architectures.microtosca import MicroToscaInvalid, import_microtosca
from architectures.model import (
    COMPONENT_NAME_MAX,
    MAX_COMPONENTS,
    MAX_LINKS,
    ArchitectureInvalid,
    parse_architecture,
)
from decider.api.body import YAML_TYPES, BodyError, inline_schema, media_type, read_json
from decider.api.errors import Message, ValidationErrors, parse_id, problem_details
from decider.api.exports import MICROTOSCA_RESPONSES, diagram_responses, microtosca_response
from decider.api.schemas import AntiPatternOut, ArchitectureOut, DiagramLinks
from decider.assessments import marks
from decider.diagrams import diagram_response
from decider.models import Review
from decider.reviews import create_review, review_payload

router = Router(tags=["reviews"])


class ComponentIn(Schema):
    name: str = Field(min_length=1, max_length=COMPONENT_NAME_MAX)
    kind: Literal["client", "gateway", "service", "broker", "datastore", "esb"]
    team: str | None = None
    load: Literal["low", "normal", "high"] | None = None
    language: str | None = None
    deploy_unit: str | None = Field(None, description="components sharing one deploy together")
    layer: Literal["presentation", "business", "data"] | None = None
    engine: str | None = None
    owner: str | None = Field(None, description="the service that owns this datastore")


class LinkIn(Schema):
    source: str
    target: str
    style: Literal["sync", "async"] = "sync"
    timeout: bool = False
    circuit_breaker: bool = False
    discovery: bool = False


class ArchitectureIn(Schema):
    components: list[ComponentIn] = Field(max_length=MAX_COMPONENTS)
    links: list[LinkIn] = Field(default_factory=list, max_length=MAX_LINKS)


class ReviewOut(Schema):
    id: UUID
    url: str
    created: datetime
    architecture: ArchitectureOut
    anti_patterns: list[AntiPatternOut]
    diagram: DiagramLinks
    microtosca: str


REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": inline_schema(ArchitectureIn)},
            "application/yaml": {
                "schema": {"type": "string", "description": "MicroTOSCA YAML (microFreshener)"}
            },
        },
    }
}


@router.post(
    "/reviews",
    response={201: ReviewOut, 400: Message, 413: Message, 415: Message, 422: ValidationErrors},
    openapi_extra=REQUEST_BODY,
    summary="Review a described architecture (JSON, or MicroTOSCA YAML) and save the review",
)
def create(request: HttpRequest):
    try:
        architecture = _read_architecture(request)
    except BodyError as error:
        return Status(error.status, {"detail": str(error)})
    except MicroToscaInvalid as invalid:
        return Status(422, problem_details(invalid.problems))
    except ArchitectureInvalid as invalid:
        return Status(422, problem_details(invalid.problems))
    return Status(201, review_payload(create_review(architecture=architecture)))


def _read_architecture(request: HttpRequest):
    kind = media_type(request)
    if kind in YAML_TYPES:
        return import_microtosca(request.body)
    if kind != "application/json":
        raise BodyError(415, "Send the architecture as application/json or application/yaml.")
    return parse_architecture(read_json(request))


@router.get(
    "/reviews/{review_id}", response={200: ReviewOut, 404: Message}, summary="A saved review"
)
def get(request: HttpRequest, review_id: str):
    return Status(200, review_payload(get_object_or_404(Review, pk=parse_id(review_id))))


@router.get(
    "/reviews/{review_id}/diagram.{fmt}",
    response={404: Message, 503: Message},
    openapi_extra={"responses": diagram_responses("review")},
    summary="The reviewed architecture's diagram, anti-patterns marked: svg, png, pdf, dot, mmd, puml",
)
def diagram(request: HttpRequest, review_id: str, fmt: str) -> HttpResponse:
    review = get_object_or_404(Review, pk=parse_id(review_id))
    return diagram_response(
        request,
        parse_architecture(review.architecture),
        fmt,
        filename_stem=f"decider-review-{review.id}",
        marks=marks(review.result["anti_patterns"]),
        title="Reviewed architecture",
    )


@router.get(
    "/reviews/{review_id}/architecture.microtosca.yml",
    response={404: Message},
    openapi_extra={"responses": MICROTOSCA_RESPONSES},
    summary="The reviewed architecture as MicroTOSCA YAML (microFreshener's format)",
)
def microtosca(request: HttpRequest, review_id: str) -> HttpResponse:
    review = get_object_or_404(Review, pk=parse_id(review_id))
    return microtosca_response(parse_architecture(review.architecture), f"review-{review.id}")
