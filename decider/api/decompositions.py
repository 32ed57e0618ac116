"""`/decompositions`: service candidates for a monolith, posted in any format of the
monolith registry (JSON, CSV, or a project's source as a `.zip` or `.tar.gz`).

The body is read through the registry rather than by a ninja schema, because it may be
CSV or an archive; the JSON schema is generated from the monolith's own declaration
(`MonolithRequest`) and published in the OpenAPI document through `openapi_extra`.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.tasks import TaskResult
from ninja import Field, Query, Router, Schema, Status
from pydantic import RootModel

from architectures.decomposition.granularity import RESOLUTION_MAX, RESOLUTION_MIN
from architectures.decomposition.monolith import MonolithInvalid, Problem
from architectures.decomposition.options import (
    TEAMS_MAX,
    Options,
    option_problems,
    parse_pins,
)
from architectures.input_formats import (
    GENERIC_MEDIA_TYPES,
    NOT_JSON,
    FormatNotRecognised,
    Upload,
)
from architectures.monolith_formats import (
    MONOLITH_FORMATS,
    MonolithInput,
    MonolithRequest,
    read_monolith_input,
)
from decider.api.body import inline_schema, media_type
from decider.api.collections import add_collection
from decider.api.downloads import add_downloads
from decider.api.errors import Message, ValidationErrors, parse_id, problem_details
from decider.api.tasks import QueuedOut
from decider.decompositions import decomposition_payload, drawing, start_decomposition
from decider.jobs.queue import accepted
from decider.limits import limit_for, too_large
from decider.models import Decomposition

router = Router(tags=["decompositions"])


class CandidateOut(Schema):
    name: str
    modules: list[str]
    tables: list[str]
    undecided: list[str] = []


class GranularityOut(Schema):
    resolution: float
    criterion: str
    reason: str


class SharedTableOut(Schema):
    table: str
    owner: str
    candidates: list[str]


class CallFlowOut(Schema):
    caller: str
    callee: str
    calls: int


class ForeignReadOut(Schema):
    table: str
    owner: str


class StepOut(Schema):
    candidate: str
    reason: str
    tables: list[str]
    calls_to_api: list[CallFlowOut]
    shared_tables_first: list[SharedTableOut]
    reads_from_others: list[ForeignReadOut]


class MetricsOut(Schema):
    structural_modularity: float
    inter_call_percentage: float
    interface_number: float
    non_extreme_distribution: float
    undecided: int = 0


class DecompositionOut(Schema):
    id: UUID
    url: str
    created: datetime
    module_count: int
    resolution: float
    granularity: GranularityOut
    pins: dict[str, str]
    teams: int | None
    notes: list[str]
    candidates: list[CandidateOut]
    unplaced: list[str]
    shared_tables: list[SharedTableOut]
    plan: list[StepOut]
    metrics: MetricsOut
    calls: list[CallFlowOut]
    diagram: dict[str, str]


MonolithFormat = StrEnum("MonolithFormat", {name: name for name in MONOLITH_FORMATS.names})
FORMATS_TEXT = "; ".join(f"`{f.name}`: {f.description}" for f in MONOLITH_FORMATS)
CSV_EXAMPLE = (
    "source,target,count\nweb.cart,orders.cart,6\norders.cart,catalog.books,4\n"
    "module,table,mode\norders.cart,carts,rw\ncatalog.books,books,rw\n"
)


def _body_content() -> dict[str, Any]:
    """One entry per media type of the registry: JSON with its generated schema, the
    others as text or bytes."""
    content: dict[str, Any] = {}
    for fmt in MONOLITH_FORMATS:
        for kind in fmt.media_types:
            if fmt.name == "json":
                content[kind] = {"schema": inline_schema(RootModel[MonolithRequest])}
            elif fmt.name == "csv":
                content[kind] = {"schema": {"type": "string"}, "example": CSV_EXAMPLE}
            else:
                content[kind] = {"schema": {"type": "string", "format": "binary"}}
    # A file of no particular type: its format is detected from its content.
    for kind in sorted(GENERIC_MEDIA_TYPES - {""}):
        content[kind] = {"schema": {"type": "string", "format": "binary"}}
    return content


REQUEST_BODY = {
    "required": True,
    "description": (
        "A monolith in any of these formats, detected from the content unless the media "
        f"type names one or `?format=` does: {FORMATS_TEXT}. With JSON, `resolution`, "
        "`pins` and `teams` come from the body; with the other formats, from the query "
        "string. An archive is unpacked without running anything: only its `.py` files, "
        "links refused, within limits on entries, size and expansion."
    ),
    "content": _body_content(),
}


class CreateQuery(Schema):
    format: MonolithFormat | None = Field(
        None, description="Read the body in this format instead of detecting it."
    )
    # The limits are documented here and checked with the body's own problems, so a
    # request hears of every problem at once.
    resolution: float | None = Field(
        None,
        json_schema_extra={"minimum": RESOLUTION_MIN, "maximum": RESOLUTION_MAX},
        description="Not for JSON bodies: the granularity; absent: chosen by a stated criterion.",
    )
    teams: int | None = Field(
        None,
        json_schema_extra={"minimum": 1, "maximum": TEAMS_MAX},
        description="Not for JSON bodies: the number of teams to size candidates for.",
    )
    pins: list[str] = Field([], description="Not for JSON bodies: `module=candidate`, repeatable.")


@router.post(
    "/decompositions",
    response={
        201: DecompositionOut,
        202: QueuedOut,
        400: Message,
        413: Message,
        415: Message,
        422: ValidationErrors,
    },
    openapi_extra={"requestBody": REQUEST_BODY},
    summary="Propose service candidates for a monolith or a project's source, and save them",
)
def create(request: HttpRequest, query: Query[CreateQuery]):
    try:
        body = request.body
    except RequestDataTooBig:
        return too_large(request, limit_for(request.path))
    kind = media_type(request)
    kind = "application/json" if kind.endswith("+json") else kind
    forced = str(query.format) if query.format else None
    try:
        read = read_monolith_input([Upload("", body)], media_type=kind, forced=forced)
    except FormatNotRecognised as error:
        return _unrecognised(error, kind)
    except MonolithInvalid as invalid:
        problems = invalid.problems
        # Malformed JSON sent as JSON is a bad request; another body forced to be read
        # as JSON is a body that does not match its format, a 422 like the rest.
        if problems and problems[0].type == NOT_JSON and kind == "application/json":
            return Status(400, {"detail": f"Malformed JSON: {problems[0].msg}"})
        return Status(422, _details(problems, _query_problems(query, None)[1]))
    options, problems = (
        (read.options, []) if read.options is not None else _query_problems(query, read)
    )
    if problems or options is None:
        return Status(422, _details([], problems))
    started = start_decomposition(
        monolith=read.monolith,
        resolution=options.resolution,
        pins=options.pins,
        teams=options.teams,
    )
    if isinstance(started, TaskResult):
        return Status(202, accepted(started))
    return Status(201, decomposition_payload(started))


def _unrecognised(error: FormatNotRecognised, kind: str) -> Status:
    if kind in MONOLITH_FORMATS.media_types or kind in GENERIC_MEDIA_TYPES:
        return Status(422, problem_details([Problem((), str(error), "format")]))
    accepted = ", ".join(MONOLITH_FORMATS.media_types)
    return Status(415, {"detail": f"Send the monolith as one of {accepted}, not {kind}."})


def _query_problems(
    query: CreateQuery, read: MonolithInput | None
) -> tuple[Options | None, list[Problem]]:
    """The options of the query string, and what is wrong with them (pins naming
    unknown modules only once the monolith is read)."""
    pins, problems = parse_pins(query.pins)
    known = None if read is None else {m.name for m in read.monolith.modules}
    problems = option_problems(known, query.resolution, pins, query.teams) + problems
    return (None if problems else Options(query.resolution, pins, query.teams)), problems


def _details(body: list[Problem], query: list[Problem]) -> dict[str, Any]:
    return {
        "detail": problem_details(body)["detail"]
        + problem_details(query, prefix=("query",))["detail"]
    }


@router.get(
    "/decompositions/{item_id}",
    response={200: DecompositionOut, 404: Message},
    url_name="get_decomposition",
    summary="A saved decomposition",
)
def get_decomposition(request: HttpRequest, item_id: str):
    saved = get_object_or_404(Decomposition, pk=parse_id(item_id))
    return Status(200, decomposition_payload(saved))


add_downloads(router, Decomposition, lambda request, saved: drawing(saved))


class DecompositionItem(Schema):
    id: UUID
    url: str
    created: datetime
    title: str
    modules: int
    candidates: int


add_collection(
    router,
    Decomposition,
    DecompositionItem,
    lambda saved: {
        "id": saved.id,
        "url": saved.get_absolute_url(),
        "created": saved.created,
        "title": saved.title,
        "modules": _modules(saved.result),
        "candidates": len(saved.result.get("candidates", [])),
    },
    deferred=("monolith",),  # up to 16 MiB a row, and every module is in the result
)


def _modules(result: dict[str, Any]) -> int:
    placed = sum(len(c["modules"]) for c in result.get("candidates", []))
    return placed + len(result.get("unplaced", []))
