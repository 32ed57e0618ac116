"""API schemas. Enums and limits come from the engine's `choices`, defined once there."""

from datetime import datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from decider.engine import choices as c


class DomainIn(Schema):
    name: str = Field(min_length=1, max_length=c.DOMAIN_NAME_MAX, pattern=c.DOMAIN_NAME_PATTERN)
    load: c.Load = c.Load.NORMAL
    team: str | None = Field(default=None, max_length=c.TEAM_NAME_MAX)
    depends_on: list[str] = Field(default_factory=list, max_length=c.MAX_DOMAINS)
    publishes_to: list[str] = Field(default_factory=list, max_length=c.MAX_DOMAINS)


class AnswersIn(Schema):
    teams: int = Field(
        ge=c.TEAMS_MIN, le=c.TEAMS_MAX, description="teams that build and run the product"
    )
    developers: int | None = Field(default=None, ge=c.DEVELOPERS_MIN, le=c.DEVELOPERS_MAX)
    deploy_contention: c.Contention
    scaling: c.Scaling
    tech_diversity: c.TechDiversity
    monolith_pain: int = Field(ge=c.PAIN_MIN, le=c.PAIN_MAX)
    existing_system: c.ExistingSystem = c.ExistingSystem.NONE
    codebase_kloc: int | None = Field(default=None, ge=c.KLOC_MIN, le=c.KLOC_MAX)
    ops: list[c.Op] = Field(default_factory=list, max_length=len(c.Op) * 2)
    distributed_experience: c.Experience = c.Experience.SOME
    consistency: c.Consistency = c.Consistency.MIXED
    domain_clarity: c.DomainClarity = c.DomainClarity.PARTIAL
    domains: list[DomainIn] | None = Field(default=None, max_length=c.MAX_DOMAINS)
    practices: list[c.Practice] = Field(default_factory=list, max_length=len(c.Practice) * 2)
    org: list[c.OrgTrait] = Field(default_factory=list, max_length=len(c.OrgTrait) * 2)


class RecommendationOut(Schema):
    architecture: c.Architecture
    style: c.Style
    score: float
    confidence: c.Confidence
    summary: str


class FactorOut(Schema):
    factor: str
    contribution: float
    explanation: str
    source: str


class FlipOut(Schema):
    changes: dict[str, Any]
    architecture: c.Architecture
    style: c.Style
    score: float
    description: str


class ComponentOut(Schema):
    name: str
    kind: str
    team: str | None = None
    load: str | None = None
    language: str | None = None
    deploy_unit: str | None = None
    layer: str | None = None
    engine: str | None = None
    owner: str | None = None
    note: str | None = None
    modules: list[str] = []


class LinkOut(Schema):
    source: str
    target: str
    style: str
    timeout: bool = False
    circuit_breaker: bool = False
    discovery: bool = False


class ArchitectureOut(Schema):
    components: list[ComponentOut]
    links: list[LinkOut]


class AntiPatternOut(Schema):
    id: str
    name: str
    severity: str
    message: str
    remedy: str
    elements: list[str]


class DiagramLinks(Schema):
    svg: str
    png: str
    pdf: str
    dot: str
    mmd: str
    puml: str


class AssessmentOut(Schema):
    id: UUID
    url: str
    created: datetime
    answers: dict[str, Any]
    recommendation: RecommendationOut
    factors: list[FactorOut]
    flips: list[FlipOut]
    architecture: ArchitectureOut
    anti_patterns: list[AntiPatternOut]
    diagram: DiagramLinks
    microtosca: str
