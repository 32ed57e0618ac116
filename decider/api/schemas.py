"""API schemas. The answers' schema is generated from the engine's question table; enums
and limits come from `choices`, defined once there."""

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from ninja import Field, Schema
from pydantic import create_model

from architectures.model import Architecture
from decider.engine import choices as c
from decider.engine.questions import QUESTIONS, Kind, Question
from decider.exports import diagram_exports
from decider.models import NAME_MAX

PRINTABLE = r"^[^\x00-\x1f\x7f]*$"  # a name is shown in headings and file names


class DomainIn(Schema):
    name: str = Field(min_length=1, max_length=c.DOMAIN_NAME_MAX, pattern=c.DOMAIN_NAME_PATTERN)
    load: c.Load = c.Load.NORMAL
    team: str | None = Field(default=None, max_length=c.TEAM_NAME_MAX)
    depends_on: list[str] = Field(default_factory=list, max_length=c.MAX_DOMAINS)
    publishes_to: list[str] = Field(default_factory=list, max_length=c.MAX_DOMAINS)


def _answer_field(question: Question) -> tuple[Any, Any]:
    """The pydantic type and default of one question, from the engine's table."""
    describe = {"description": " ".join(filter(None, (question.label, question.help)))}
    if question.kind is Kind.SET:
        limit = len(question.values) * 2
        return list[question.values], Field(default_factory=list, max_length=limit, **describe)
    if question.kind is Kind.NUMBER:
        low, high = question.bounds
        kind: Any = Annotated[int, Field(ge=low, le=high, strict=True)]
        if question.unknown or not question.required:
            kind = kind | None  # null: "don't know", or not given
    else:
        values = [str(v) for v in question.values] + ([c.UNKNOWN] if question.unknown else [])
        kind = Literal[tuple(values)]  # one enum in the OpenAPI, one error naming the field
        if not question.required:
            kind = kind | None
    default = ... if question.required else question.default
    return kind, Field(default, **describe)


def _answers_fields() -> dict[str, Any]:
    fields = {q.name: _answer_field(q) for q in QUESTIONS}
    for question in QUESTIONS:
        if question.unknown_flag:
            fields[question.unknown_flag] = (
                bool,
                Field(
                    False,
                    strict=True,
                    description=f"true: the {question.name} list may be incomplete",
                ),
            )
    fields["domains"] = (list[DomainIn] | None, Field(default=None, max_length=c.MAX_DOMAINS))
    fields["project"] = (
        str,
        Field(
            "", max_length=NAME_MAX, pattern=PRINTABLE, description="a name for what is assessed"
        ),
    )
    fields["previous"] = (
        UUID | None,
        Field(None, description="an assessment this one re-runs with changed answers"),
    )
    return fields


# The questionnaire's answers, generated from the question table (decider/engine/questions.py).
AnswersIn = create_model("AnswersIn", __base__=Schema, **_answers_fields())


class RecommendationOut(Schema):
    architecture: c.Family
    style: c.Style
    score: float
    confidence: c.Confidence
    summary: str
    # The comparison; absent from assessments saved before it existed.
    options: list["OptionOut"] = []
    runner_up: c.Style | None = None
    runner_up_change: "FlipOut | None" = None
    margin: float | None = None
    robustness: float | None = Field(None, ge=0, le=1)
    robustness_summary: str = ""
    contested: bool = False
    contested_reasons: list[str] = []
    unknowns: list[str] = []
    ask_next: list[str] = []
    build_first: list[c.Op] = []


class OptionOut(Schema):
    style: c.Style
    label: str
    fit: float = Field(ge=0, le=1)
    pros: list[str]
    cons: list[str]


class FactorOut(Schema):
    factor: str
    label: str = ""
    contribution: float
    explanation: str
    source: str


class FlipOut(Schema):
    changes: dict[str, Any]
    architecture: c.Family
    style: c.Style
    score: float
    description: str
    condition: str = ""


class AntiPatternOut(Schema):
    id: str
    name: str
    severity: str
    message: str
    remedy: str
    elements: list[str]


# The diagram's download links of an assessment or a review, one per format of the
# export registry (`decider.exports`).
DiagramLinks = create_model(
    "DiagramLinks",
    __base__=Schema,
    **{e.name: (str, Field(description=e.label)) for e in diagram_exports("assessment")},
)


class AssessmentOut(Schema):
    id: UUID
    url: str
    created: datetime
    project: str = ""
    previous: UUID | None = Field(None, description="the assessment this one re-ran")
    compare: str | None = Field(None, description="its comparison with `previous`")
    answers: dict[str, Any]
    recommendation: RecommendationOut
    factors: list[FactorOut]
    flips: list[FlipOut]
    architecture: Architecture
    anti_patterns: list[AntiPatternOut]
    diagram: DiagramLinks
    microtosca: str
    adr: str = Field("", description="the decision record (MADR 4.0)")


RecommendationOut.model_rebuild()


class ChangeOut(Schema):
    field: str
    label: str
    before: Any = None
    after: Any = None


class FactorChangeOut(Schema):
    factor: str
    label: str
    before: float
    after: float
    contribution: float = Field(description="after minus before")
    explanation: str


class MovedOut(Schema):
    before: str
    after: str
    moved: bool


class ComparisonOut(Schema):
    before: UUID
    after: UUID
    answers: list[ChangeOut]
    factors: list[FactorChangeOut]
    verdict: MovedOut
    confidence: MovedOut
    explanation: str
