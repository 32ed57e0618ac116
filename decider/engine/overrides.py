"""Rules that override the weighed score, each shown as a factor of its own.

Each rule caps the score at a value below zero while its condition holds. A cap only
lowers the score, and every condition is one that raising `teams`, `domain_clarity` or
`tech_diversity`, or adding `ops`, can only switch off, so the engine stays monotone.
"""

from dataclasses import dataclass

from decider.engine import choices as c
from decider.engine.answers import Answers
from decider.engine.factors import Factor
from decider.engine.sources import Source

PREREQUISITES_CAP = -0.05
ONE_TEAM_CAP = -0.25
UNCLEAR_NEW_PRODUCT_CAP = -0.20
SMALL_TEAM_DEVELOPERS = 12


@dataclass(frozen=True)
class Rule:
    factor: str
    cap: float
    explanation: str
    source: Source


def active_rules(a: Answers) -> list[Rule]:
    rules = []
    if a.missing_prerequisites:
        missing = ", ".join(c.LABELS[op] for op in a.missing_prerequisites)
        why = f"Prerequisites missing ({missing}): not microservices until they are built."
        rules.append(
            Rule("rule_prerequisites", PREREQUISITES_CAP, why, Source.FOWLER_PREREQUISITES)
        )
    small = a.developers is None or a.developers <= SMALL_TEAM_DEVELOPERS
    if a.teams == 1 and small and a.tech_diversity != c.TechDiversity.REQUIRED:
        why = "One team keeps one deployable"
        if a.existing_system == c.ExistingSystem.MICROSERVICES:
            why += ": consolidate the services it runs today."
        else:
            why += " unless a part truly needs another runtime."
        rules.append(Rule("rule_one_team", ONE_TEAM_CAP, why, Source.TEAM_TOPOLOGIES))
    if a.existing_system == c.ExistingSystem.NONE and a.domain_clarity == c.DomainClarity.UNCLEAR:
        why = "A new product with an unclear domain starts as a monolith to find its boundaries."
        rule = Rule(
            "rule_monolith_first", UNCLEAR_NEW_PRODUCT_CAP, why, Source.FOWLER_MONOLITH_FIRST
        )
        rules.append(rule)
    return rules


def apply_rules(score: float, rules: list[Rule]) -> tuple[float, list[Factor]]:
    """Cap `score` by each rule in turn; each rule's factor carries what it took away."""
    factors = []
    for rule in rules:
        capped = min(score, rule.cap)
        factors.append(Factor(rule.factor, capped - score, rule.explanation, rule.source))
        score = capped
    return score, factors
