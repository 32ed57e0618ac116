from datetime import datetime
from enum import StrEnum
from uuid import UUID

from django.http import HttpRequest
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from pydantic import RootModel

from architectures.input_formats import NOT_JSON, FormatNotRecognised, Upload
from architectures.model import Architecture, ArchitectureInvalid
from architectures.problems import Problem
from architectures.review_formats import REVIEW_FORMATS, read_review_input
from decider.api.body import BodyError, inline_schema, media_type
from decider.api.collections import add_collection
from decider.api.downloads import add_downloads
from decider.api.errors import Message, ValidationErrors, parse_id, problem_details
from decider.api.schemas import AntiPatternOut, DiagramLinks
from decider.models import Review
from decider.reviews import create_review, drawing, review_payload

router = Router(tags=["reviews"])


class ImportWarningOut(Schema):
    kind: str = Field(
        description="unresolved-host, ignored-document, ignored-key, inferred-link, ..."
    )
    message: str
    file: str | None = Field(description="the file it concerns (`pasted text` for a body)")
    document: int | None = Field(description="the document's index in a multi-document file")
    key: str | None = Field(description="the key path inside the document")
    elements: list[str] = Field(description="the components it concerns")


class ComponentEvidenceOut(Schema):
    name: str
    file: str
    document: int | None
    key: str
    rule: str
    detail: str
    inferred: bool


class LinkEvidenceOut(Schema):
    source: str
    target: str
    file: str
    document: int | None
    key: str
    rule: str
    detail: str
    inferred: bool = Field(description="true for a link inferred from names, not declared")


class EvidenceOut(Schema):
    components: list[ComponentEvidenceOut]
    links: list[LinkEvidenceOut]


class SourceOut(Schema):
    format: str = Field(description=f"one of {', '.join(REVIEW_FORMATS.names)}, or builder")
    files: list[str]


class ReviewOut(Schema):
    id: UUID
    url: str
    created: datetime
    architecture: Architecture
    anti_patterns: list[AntiPatternOut]
    warnings: list[ImportWarningOut] = Field(
        description="what the import ignored, could not resolve, or inferred"
    )
    evidence: EvidenceOut = Field(description="the file and key behind each component and link")
    source: SourceOut
    diagram: DiagramLinks
    microtosca: str


ReviewFormat = StrEnum("ReviewFormat", {name: name for name in REVIEW_FORMATS.names})


class ReviewQuery(Schema):
    format: ReviewFormat | None = Field(
        None, description="Read the body in this format instead of detecting it."
    )


FORMATS_TEXT = "; ".join(f"`{f.name}`: {f.description}" for f in REVIEW_FORMATS)
REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "description": (
            "An architecture in any of these formats, detected from the content unless "
            f"`?format=` names one: {FORMATS_TEXT}. Several files (a compose file and its "
            "override) go as `multipart/form-data`, in order."
        ),
        "content": {
            "application/json": {"schema": inline_schema(RootModel[Architecture])},
            "application/yaml": {
                "schema": {
                    "type": "string",
                    "description": "MicroTOSCA, a compose file, or Kubernetes manifests",
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "array", "items": {"type": "string", "format": "binary"}}
                    },
                }
            },
        },
    }
}


@router.post(
    "/reviews",
    response={201: ReviewOut, 400: Message, 413: Message, 415: Message, 422: ValidationErrors},
    openapi_extra=REQUEST_BODY,
    url_name="create_review",
    summary="Review an architecture (JSON, MicroTOSCA, compose or Kubernetes) and save the review",
)
def create(request: HttpRequest, query: Query[ReviewQuery]):
    kind = media_type(request)
    forced = str(query.format) if query.format else None
    try:
        uploads = _uploads(request, kind)
        imported = read_review_input(uploads, media_type=_registry_type(kind), forced=forced)
    except (BodyError, FormatNotRecognised, ArchitectureInvalid) as error:
        return _refused(error, kind)
    return Status(201, review_payload(create_review(imported=imported)))


def _refused(error: Exception, kind: str) -> Status:
    """The contract's answer to a body that cannot be reviewed: 400 for one that is not
    JSON or multipart at all, 415 for a type no format reads, else a 422 naming the field."""
    if isinstance(error, BodyError):
        return Status(error.status, {"detail": str(error)})
    if isinstance(error, FormatNotRecognised):
        if kind in REVIEW_FORMATS.media_types or kind == MULTIPART:
            return Status(422, problem_details([Problem((), str(error), "format")]))
        accepted = ", ".join(REVIEW_FORMATS.media_types)
        return Status(415, {"detail": f"{error} Send JSON or YAML ({accepted})."})
    problems = error.problems if isinstance(error, ArchitectureInvalid) else []
    # Malformed JSON sent as JSON is a bad request; another body forced to be read as
    # JSON (`?format=json`) is a body that does not match its format, named like the rest.
    if problems and problems[0].type == NOT_JSON and kind == "application/json":
        return Status(400, {"detail": f"The body is not valid JSON: {problems[0].msg}"})
    return Status(422, problem_details(problems))


MULTIPART = "multipart/form-data"


def _uploads(request: HttpRequest, kind: str) -> list[Upload]:
    if kind != MULTIPART:
        return [Upload("", request.body)]
    try:
        files = request.FILES
    except MultiPartParserError as error:
        raise BodyError(400, f"The multipart body cannot be read: {error}.") from None
    return [Upload(f.name, f.read()) for key in files for f in files.getlist(key)]


def _registry_type(kind: str) -> str:
    return "" if kind == MULTIPART else kind


@router.get(
    "/reviews/{item_id}",
    response={200: ReviewOut, 404: Message},
    url_name="get_review",
    summary="A saved review",
)
def get(request: HttpRequest, item_id: str):
    return Status(200, review_payload(get_object_or_404(Review, pk=parse_id(item_id))))


add_downloads(router, Review, lambda request, saved: drawing(saved))


class ReviewItem(Schema):
    id: UUID
    url: str
    created: datetime
    title: str
    components: int
    anti_patterns: int


add_collection(
    router,
    Review,
    ReviewItem,
    lambda saved: {
        "id": saved.id,
        "url": saved.get_absolute_url(),
        "created": saved.created,
        "title": saved.title,
        "components": len(saved.architecture.get("components", [])),
        "anti_patterns": len(saved.result.get("anti_patterns", [])),
    },
)
