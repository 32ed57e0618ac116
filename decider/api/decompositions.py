"""`/decompositions`: service candidates for a monolith, posted as JSON or CSV.

The body is read here rather than by a ninja schema, because it may be CSV; the JSON
schema is still published in the OpenAPI document through `openapi_extra`.
"""

import json
from datetime import datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from architectures.decomposition.csv_input import parse_csv
from architectures.decomposition.granularity import RESOLUTION_MAX, RESOLUTION_MIN
from architectures.decomposition.monolith import (
    MODULES_PER_MONOLITH_MAX,
    MONOLITH_NAME_MAX,
    MonolithInvalid,
    Problem,
)
from architectures.decomposition.options import TEAMS_MAX, option_problems
from decider.api.body import media_type
from decider.api.errors import Message, ValidationErrors, parse_id, problem_details
from decider.api.exports import diagram_responses
from decider.decompositions import (
    PIN_MSG,
    create_decomposition,
    decomposition_payload,
    diagram_sources,
    module_names,
    parse_pin,
    read_request,
)
from decider.diagrams import dot_response
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


NAME = {"type": "string", "minLength": 1, "maxLength": MONOLITH_NAME_MAX}
MONOLITH_SCHEMA = {
    "title": "MonolithIn",
    "type": "object",
    "required": ["modules"],
    "properties": {
        "modules": {
            "type": "array",
            "minItems": 1,
            "maxItems": MODULES_PER_MONOLITH_MAX,
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": NAME,
                    "tables": {
                        "type": "object",
                        "description": "Table name to r, w or rw.",
                        "additionalProperties": {"type": "string", "enum": ["r", "w", "rw"]},
                    },
                    "calls": {
                        "type": "object",
                        "description": "Name of a module of this monolith to call count.",
                        "additionalProperties": {"type": "integer", "minimum": 1},
                    },
                    "loc": {"type": "integer", "minimum": 0},
                },
            },
        },
        "resolution": {
            "type": "number",
            "minimum": RESOLUTION_MIN,
            "maximum": RESOLUTION_MAX,
            "description": (
                "Above 1: more, smaller candidates; below 1: fewer, larger ones. Absent: "
                "chosen by a stated criterion (see `granularity` in the answer)."
            ),
        },
        "teams": {
            "type": "integer",
            "minimum": 1,
            "maximum": TEAMS_MAX,
            "description": "Without a resolution: aim for candidates one team each can own.",
        },
        "pins": {
            "type": "object",
            "description": "Module name to the name of the candidate it must end up in.",
            "additionalProperties": NAME,
        },
    },
}
CSV_TYPES = ("text/csv", "application/csv")
CSV_EXAMPLE = (
    "source,target,count\nweb.cart,orders.cart,6\norders.cart,catalog.books,4\n"
    "module,table,mode\norders.cart,carts,rw\ncatalog.books,books,rw\n"
)
REQUEST_BODY = {
    "required": True,
    "description": (
        "A Monolith as JSON, or as CSV (`Content-Type: text/csv`): a `source,target,count` "
        "section of calls and a `module,table,mode` section of table accesses. With CSV, "
        "`resolution` and `pins` come from the query string; with JSON, from the body."
    ),
    "content": {
        "application/json": {"schema": MONOLITH_SCHEMA},
        "text/csv": {"schema": {"type": "string"}, "example": CSV_EXAMPLE},
    },
}


@router.post(
    "/decompositions",
    response={
        201: DecompositionOut,
        400: Message,
        413: Message,
        415: Message,
        422: ValidationErrors,
    },
    openapi_extra={"requestBody": REQUEST_BODY},
    summary="Propose service candidates for a monolith and save the decomposition",
)
def create(
    request: HttpRequest,
    resolution: float | None = Query(  # noqa: B008 (ninja's way of documenting a parameter)
        None, description="CSV bodies only: the granularity, 0.05 to 100; absent: chosen."
    ),
    teams: int | None = Query(  # noqa: B008
        None, description="CSV bodies only: the number of teams to size candidates for."
    ),
    pins: list[str] = Query(  # noqa: B008
        [], description="CSV bodies only: `module=candidate`, repeatable."
    ),
):
    try:
        body = request.body
    except RequestDataTooBig:
        return too_large(request, limit_for(request.path))
    kind = media_type(request)
    if kind in CSV_TYPES:
        return _from_csv(body, resolution, pins, teams)
    if kind not in ("", "application/json") and not kind.endswith("+json"):
        msg = f"Send the monolith as application/json or text/csv, not {kind}."
        return Status(415, {"detail": msg})
    try:
        data = json.loads(body)
    except json.JSONDecodeError as error:
        return Status(400, {"detail": f"Malformed JSON: {error.msg} (line {error.lineno})."})
    except (ValueError, RecursionError):
        return Status(400, {"detail": "Malformed JSON."})
    try:
        monolith, options = read_request(data)
        saved = create_decomposition(
            monolith=monolith, resolution=options.resolution, pins=options.pins, teams=options.teams
        )
    except MonolithInvalid as invalid:
        return Status(422, problem_details(invalid.problems))
    return Status(201, decomposition_payload(saved))


def _from_csv(
    body: bytes, resolution: float | None, raw_pins: list[str], teams: int | None
) -> Status:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Status(422, problem_details([Problem((), "Must be UTF-8 text.", "unicode")]))
    pins: dict[str, str] = {}
    query_problems = []
    for index, raw in enumerate(raw_pins):
        if (pin := parse_pin(raw)) is None:
            query_problems.append(Problem(("pins", index), PIN_MSG))
        else:
            pins[pin[0]] = pin[1]
    try:
        monolith = parse_csv(text)
    except MonolithInvalid as invalid:
        query = option_problems(None, resolution, pins, teams) + query_problems
        return Status(422, _details(invalid.problems, query))
    query = option_problems(module_names(monolith), resolution, pins, teams) + query_problems
    if query:
        return Status(422, _details([], query))
    try:
        saved = create_decomposition(
            monolith=monolith, resolution=resolution, pins=pins, teams=teams
        )
    except MonolithInvalid as invalid:
        return Status(422, _details([], invalid.problems))
    return Status(201, decomposition_payload(saved))


def _details(body: list[Problem], query: list[Problem]) -> dict[str, Any]:
    return {
        "detail": problem_details(body)["detail"]
        + problem_details(query, prefix=("query",))["detail"]
    }


@router.get(
    "/decompositions/{decomposition_id}",
    response={200: DecompositionOut, 404: Message},
    summary="A saved decomposition",
)
def get_decomposition(request: HttpRequest, decomposition_id: str):
    saved = get_object_or_404(Decomposition, pk=parse_id(decomposition_id))
    return Status(200, decomposition_payload(saved))


@router.get(
    "/decompositions/{decomposition_id}/diagram.{fmt}",
    response={404: Message, 503: Message},
    openapi_extra={"responses": diagram_responses("decomposition")},
    summary="The candidates' diagram: svg, png, pdf, dot, mmd (Mermaid), puml",
)
def get_decomposition_diagram(
    request: HttpRequest, decomposition_id: str, fmt: str
) -> HttpResponse:
    saved = get_object_or_404(Decomposition, pk=parse_id(decomposition_id))
    sources = diagram_sources(saved)
    return dot_response(
        request,
        sources.dot,
        fmt,
        filename_stem=f"decider-candidates-{saved.id}",
        text_exports=sources.text_exports,
    )
