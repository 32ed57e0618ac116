"""Weighing: the factors' sum, the overriding rules, and the verdict they give."""

from dataclasses import dataclass

from decider.engine import choices as c
from decider.engine.answers import Answers
from decider.engine.factors import Factor, score_factors
from decider.engine.overrides import active_rules, apply_rules

HIGH_MARGIN = 0.30
MEDIUM_MARGIN = 0.12
CLOSE_CALL = 0.15
MANY_DOMAINS = 6


@dataclass(frozen=True)
class Verdict:
    score: float
    architecture: c.Architecture
    style: c.Style
    confidence: c.Confidence
    # The rules' caps turned a case for microservices into "not yet".
    gated: bool = False


def weigh(a: Answers) -> tuple[Verdict, tuple[Factor, ...]]:
    """The verdict and every factor behind it (the rules last)."""
    factors = score_factors(a)
    weighed = sum(f.contribution for f in factors)
    score, rule_factors = apply_rules(weighed, active_rules(a))
    gated = weighed > 0 >= score
    architecture = c.Architecture.MICROSERVICES if score > 0 else c.Architecture.MONOLITH
    style = _style(a, architecture, score, gated=gated)
    return Verdict(score, architecture, style, _confidence(score), gated), (*factors, *rule_factors)


def _style(a: Answers, architecture: c.Architecture, score: float, *, gated: bool) -> c.Style:
    if architecture == c.Architecture.MICROSERVICES:
        if a.existing_system == c.ExistingSystem.MONOLITH:
            return c.Style.INCREMENTAL_MIGRATION
        return c.Style.MICROSERVICES
    if a.teams >= 2 or gated or score > -CLOSE_CALL or len(a.domains) >= MANY_DOMAINS:
        return c.Style.MODULAR_MONOLITH
    return c.Style.MONOLITH


def _confidence(score: float) -> c.Confidence:
    margin = abs(score)
    if margin >= HIGH_MARGIN:
        return c.Confidence.HIGH
    if margin >= MEDIUM_MARGIN:
        return c.Confidence.MEDIUM
    return c.Confidence.LOW
