"""The problems microservices solve, each scaled by the organisation's size."""

from decider.engine import choices as c
from decider.engine.factors.base import DomainFacts, Values, factor
from decider.engine.factors.size import (
    GROWTH_MULTIPLIER,
    effective_teams,
    org_scale,
    technical_scale,
)
from decider.engine.sources import Source

CONTENTION = {
    c.Contention.NEVER: 0.0,
    c.Contention.RARELY: 0.15,
    c.Contention.OFTEN: 0.6,
    c.Contention.CONSTANTLY: 1.0,
}
CONTENTION_WEIGHT = 0.50


def contention_weight(v: Values, d: DomainFacts) -> float:
    teams = effective_teams(v) * GROWTH_MULTIPLIER[v["growth"]]
    return CONTENTION_WEIGHT * CONTENTION[v["deploy_contention"]] * org_scale(teams)


@factor(
    "deploy_contention",
    "Releases waiting on other teams",
    Source.ACCELERATE,
    (0.0, CONTENTION_WEIGHT * max(CONTENTION.values())),
)(contention_weight)
def deploy_contention(v: Values, d: DomainFacts, w: float) -> str:
    level = v["deploy_contention"]
    teams = effective_teams(v)
    if level == c.Contention.NEVER:
        return "Releases never wait on another team: independent deployment would buy nothing."
    if teams <= 1:
        return f"Releases wait ({level}), but with one team that is not a team boundary problem."
    grown = " and growing" if v["growth"] in (c.Growth.GROWING, c.Growth.RAPID) else ""
    return (
        f"Releases {level} wait on another team's, across {teams:g} teams{grown}: "
        "independent deployment would remove that wait."
    )


SCALING = {c.Scaling.UNIFORM: 0.0, c.Scaling.MODERATE: 0.25, c.Scaling.DIVERGENT: 1.0}
RUNTIME = {
    c.TechDiversity.NONE: 0.0,
    c.TechDiversity.NICE_TO_HAVE: 0.1,
    c.TechDiversity.REQUIRED: 1.0,
}
ISOLATION = {None: 0.0, c.Isolation.NONE: 0.0, c.Isolation.SOME: 0.4, c.Isolation.CRITICAL: 1.0}
REGULATION = {None: 0.0, c.Regulation.NONE: 0.0, c.Regulation.SOME: 1.0}
SCALING_WEIGHT = RUNTIME_WEIGHT = 0.32
ISOLATION_WEIGHT = 0.24
REGULATION_WEIGHT = 0.14


@factor(
    "scaling",
    "Parts that scale differently",
    Source.RICHARDSON_DARK_ENERGY,
    (0.0, SCALING_WEIGHT),
)(lambda v, d: SCALING_WEIGHT * SCALING[v["scaling"]] * technical_scale(v))
def scaling(v: Values, d: DomainFacts, w: float) -> str:
    return {
        c.Scaling.UNIFORM: "The parts scale alike; a monolith scales horizontally just as well.",
        c.Scaling.MODERATE: "Scaling needs differ somewhat: weak evidence on its own.",
        c.Scaling.DIVERGENT: "Parts must scale very differently: those parts are worth extracting.",
    }[v["scaling"]]


@factor(
    "tech_diversity",
    "Parts that need another runtime",
    Source.RICHARDSON_DARK_ENERGY,
    (0.0, RUNTIME_WEIGHT),
)(lambda v, d: RUNTIME_WEIGHT * RUNTIME[v["tech_diversity"]] * technical_scale(v))
def tech_diversity(v: Values, d: DomainFacts, w: float) -> str:
    return {
        c.TechDiversity.NONE: "One language and runtime serve every part.",
        c.TechDiversity.NICE_TO_HAVE: "Other languages would be nice, not needed: little weight.",
        c.TechDiversity.REQUIRED: "Some parts genuinely need another language or runtime.",
    }[v["tech_diversity"]]


@factor(
    "failure_isolation",
    "Parts that need failure isolation",
    Source.RICHARDSON_DARK_ENERGY,
    (0.0, ISOLATION_WEIGHT),
)(lambda v, d: ISOLATION_WEIGHT * ISOLATION[v["failure_isolation"]] * technical_scale(v))
def failure_isolation(v: Values, d: DomainFacts, w: float) -> str:
    return {
        None: "Not answered: no part is known to need its own availability.",
        c.Isolation.NONE: "No part needs failure isolation or an availability of its own.",
        c.Isolation.SOME: "Some parts would benefit from failing apart from the rest.",
        c.Isolation.CRITICAL: (
            "Some parts must stay up when others fail: a process boundary isolates them."
        ),
    }[v["failure_isolation"]]


@factor(
    "regulated_parts",
    "Regulated parts",
    Source.TEAM_TOPOLOGIES,
    (0.0, REGULATION_WEIGHT),
)(lambda v, d: REGULATION_WEIGHT * REGULATION[v["regulated_parts"]] * technical_scale(v))
def regulated_parts(v: Values, d: DomainFacts, w: float) -> str:
    if v["regulated_parts"] == c.Regulation.SOME:
        return "Some parts are regulated: a hard boundary narrows audits (a fracture plane)."
    return "No regulated part asks for a boundary of its own."


PAIN = (0.0, 0.0, 0.2, 0.45, 0.75, 1.0)
PAIN_WEIGHT = 0.30


def _pain(v: Values, d: DomainFacts) -> float:
    if v["existing_system"] != c.ExistingSystem.MONOLITH:
        return 0.0  # a new product has no codebase to hurt; services hurt differently
    return PAIN_WEIGHT * PAIN[v["monolith_pain"]] * technical_scale(v)


@factor("monolith_pain", "A tangled codebase", Source.NEWMAN, (0.0, PAIN_WEIGHT))(_pain)
def monolith_pain(v: Values, d: DomainFacts, w: float) -> str:
    pain = v["monolith_pain"]
    if v["existing_system"] != c.ExistingSystem.MONOLITH:
        return f"Codebase pain {pain}/5 weighs only against an existing monolith."
    if pain >= 4:
        return f"Codebase pain {pain}/5: too tangled to change safely."
    if pain >= 2:
        return f"Codebase pain {pain}/5: it hurts, but modularising may be enough."
    return f"Codebase pain {pain}/5: the codebase is not the problem."
