"""Answers for the engine's tests: a strong case for services, varied one field at a time."""

from dataclasses import replace
from typing import Any

from decider.engine import choices as c
from decider.engine.answers import Answers

FULL_OPS = frozenset(c.Op)
# Only the required answers, as a client sending the least would.
MINIMAL = {
    "teams": 3,
    "deploy_contention": "often",
    "scaling": "uniform",
    "tech_diversity": "none",
    "monolith_pain": 2,
}

STRONG_CASE = Answers(
    teams=10,
    deploy_contention=c.Contention.CONSTANTLY,
    scaling=c.Scaling.DIVERGENT,
    tech_diversity=c.TechDiversity.REQUIRED,
    monolith_pain=4,
    existing_system=c.ExistingSystem.MONOLITH,
    ops=FULL_OPS,
    domain_clarity=c.DomainClarity.CLEAR,
)


def strong(**changes: Any) -> Any:
    return replace(STRONG_CASE, **changes)
