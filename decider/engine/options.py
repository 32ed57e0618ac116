"""The four options, compared: how well each suits the answers, and why, in their words.

A side's fit comes from the score (`weighing.fits_from`); within a side, each option's
suitability decides between its two styles:
- one deployable: a plain monolith suits one team on a young, painless codebase; the
  modular monolith suits everything larger (teams that need ownership, a painful or large
  codebase, many domains, releases that wait, a case held back by missing prerequisites);
- services: an existing monolith migrates incrementally (never a rewrite in one go); a new
  product or an existing fleet takes microservices directly.
Pros and cons are sentences drawn from the answers (`arguments.py`).
"""

from dataclasses import dataclass
from typing import Any

from decider.engine import choices as c
from decider.engine.arguments import points_for
from decider.engine.factors import (
    CONTENTION,
    DomainFacts,
    Values,
    effective_teams,
    org_scale,
)
from decider.engine.overrides import builds_platform_first
from decider.engine.rounding import rounded

STYLES: tuple[c.Style, ...] = tuple(c.Style)
S = c.Style


def modular_need(v: Values, d: DomainFacts, weighed: float, score: float) -> float:
    """0 to 1: how much one deployable needs enforced module boundaries."""
    teams = effective_teams(v)
    existing = v["existing_system"]
    signals = [0.2]
    if teams >= 2:
        signals.append(0.55 + 0.45 * org_scale(teams))
    if existing == c.ExistingSystem.MONOLITH and v["monolith_pain"] >= 2:
        signals.append(0.4 + 0.12 * v["monolith_pain"])
    if existing == c.ExistingSystem.MONOLITH and (v["codebase_kloc"] or 0) >= 100:
        signals.append(0.6)
    if existing == c.ExistingSystem.MICROSERVICES and teams >= 2:
        signals.append(0.8)
    if d.count >= 6:
        signals.append(0.7)
    if v["regulated_parts"] == c.Regulation.SOME:
        signals.append(0.75)  # the regulated part needs a boundary, in-process at least
    if v["failure_isolation"] in (c.Isolation.SOME, c.Isolation.CRITICAL):
        signals.append(0.7)
    if v["growth"] == c.Growth.RAPID:
        signals.append(0.7)  # tomorrow's teams will need parts they can own
    if CONTENTION[v["deploy_contention"]] >= CONTENTION[c.Contention.OFTEN]:
        signals.append(0.8)
    if weighed > 0 >= score:
        signals.append(0.9)  # a real case held back by the rules: modularise meanwhile
    return max(signals)


MICRO_SUITS = {
    c.ExistingSystem.MONOLITH: {S.INCREMENTAL_MIGRATION: 1.0, S.MICROSERVICES: 0.35},
    c.ExistingSystem.NONE: {S.MICROSERVICES: 1.0, S.INCREMENTAL_MIGRATION: 0.55},
    c.ExistingSystem.MICROSERVICES: {S.MICROSERVICES: 1.0, S.INCREMENTAL_MIGRATION: 0.45},
}


def suitabilities(v: Values, d: DomainFacts, weighed: float, score: float) -> dict[c.Style, float]:
    need = modular_need(v, d, weighed, score)
    micro = MICRO_SUITS[v["existing_system"]]
    if builds_platform_first(v, weighed):
        micro = {S.INCREMENTAL_MIGRATION: 1.0, S.MICROSERVICES: 0.3}
    return {
        S.MONOLITH: min(1.0, 1.5 - need),
        S.MODULAR_MONOLITH: min(1.0, 0.5 + need),
        **micro,
    }


@dataclass(frozen=True)
class Option:
    style: c.Style
    fit: float
    pros: tuple[str, ...]
    cons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "style": str(self.style),
            "label": self.style.label,
            "fit": rounded(self.fit),
            "pros": list(self.pros),
            "cons": list(self.cons),
        }


def compare(v: Values, d: DomainFacts, fits: dict[c.Style, float]) -> tuple[Option, ...]:
    """The four options with their fits and the answers' pros and cons, best first."""
    options = [Option(style, fits[style], *points_for(style, v, d)) for style in STYLES]
    return tuple(sorted(options, key=lambda o: (-o.fit, STYLES.index(o.style))))
