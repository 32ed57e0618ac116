"""Rules that override the weighed score, each shown as a factor of its own.

Each rule caps the score below zero while its condition holds. A cap only lowers the
score, and every condition is one that raising `teams`, `domain_clarity` or
`tech_diversity`, adding `ops`, or a stronger weighed case can only switch off, so the
engine stays monotone.
"""

from collections.abc import Callable
from dataclasses import dataclass

from decider.engine import choices as c
from decider.engine.factors import Values, effective_teams
from decider.engine.sources import Source

PREREQUISITES_CAP = -0.05
ONE_TEAM_CAP = -0.25
UNCLEAR_NEW_PRODUCT_CAP = -0.20
# A weighed case this strong carries an existing monolith past one missing prerequisite:
# the migration's first steps build it (FACTORS.md, "prerequisites as a plan").
STRONG_CASE = 0.08


@dataclass(frozen=True)
class Rule:
    factor: str
    label: str
    cap: float
    source: Source
    applies: Callable[[Values, float], bool]
    explain: Callable[[Values], str]


def missing_prerequisites(v: Values) -> tuple[c.Op, ...]:
    return tuple(op for op in c.PREREQUISITES if op not in v["ops"])


def builds_platform_first(v: Values, weighed: float) -> bool:
    """One prerequisite missing, an existing monolith, and a strong case: migrate, and let
    the first steps build what is missing."""
    return (
        len(missing_prerequisites(v)) == 1
        and v["existing_system"] == c.ExistingSystem.MONOLITH
        and weighed >= STRONG_CASE
    )


def _prerequisites_apply(v: Values, weighed: float) -> bool:
    return bool(missing_prerequisites(v)) and not builds_platform_first(v, weighed)


def _prerequisites_explain(v: Values) -> str:
    missing = ", ".join(c.LABELS[op] for op in missing_prerequisites(v))
    return f"Prerequisites missing ({missing}): not microservices until they are built."


def _one_team_applies(v: Values, weighed: float) -> bool:
    isolated = (
        v["tech_diversity"] == c.TechDiversity.REQUIRED
        or v["failure_isolation"] == c.Isolation.CRITICAL
    )
    return effective_teams(v) < 1.5 and not isolated


def _one_team_explain(v: Values) -> str:
    if v["existing_system"] == c.ExistingSystem.MICROSERVICES:
        return "One team keeps one deployable: consolidate the services it runs today."
    return "One team keeps one deployable unless a part needs strict isolation or a runtime."


RULES: tuple[Rule, ...] = (
    Rule(
        "rule_prerequisites",
        "Rule: prerequisites first",
        PREREQUISITES_CAP,
        Source.FOWLER_PREREQUISITES,
        _prerequisites_apply,
        _prerequisites_explain,
    ),
    Rule(
        "rule_one_team",
        "Rule: one team, one deployable",
        ONE_TEAM_CAP,
        Source.TEAM_TOPOLOGIES,
        _one_team_applies,
        _one_team_explain,
    ),
    Rule(
        "rule_monolith_first",
        "Rule: monolith first",
        UNCLEAR_NEW_PRODUCT_CAP,
        Source.FOWLER_MONOLITH_FIRST,
        lambda v, weighed: (
            v["existing_system"] == c.ExistingSystem.NONE
            and v["domain_clarity"] == c.DomainClarity.UNCLEAR
        ),
        lambda v: "A new product with an unclear domain starts as a monolith to find its bounds.",
    ),
)
