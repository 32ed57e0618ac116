"""Confidence: how contested the case is, never just how large the score is.

Three things lower it (FACTORS.md, "Confidence"):
- the margin between the best option's fit and the runner-up's;
- robustness: the share of neighbouring answer sets that keep the same style. A neighbour
  moves one answer one step (a choice to the next value, pain by one, teams by about a
  third, a prerequisite added or removed); each completion of the unknown answers is a
  neighbour too. What exists today is a fact, not an estimate, so it does not move;
- a situation where recognised practitioners disagree, which is never `high`.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from decider.engine import choices as c
from decider.engine.factors import CONTENTION, effective_teams, oversized_fleet
from decider.engine.overrides import STRONG_CASE, missing_prerequisites
from decider.engine.questions import QUESTIONS, Kind, Question
from decider.engine.weighing import UNKNOWN, Evaluation, Profile

HIGH_MARGIN, HIGH_ROBUSTNESS = 0.12, 0.85
MEDIUM_MARGIN, MEDIUM_ROBUSTNESS = 0.025, 0.6
NEIGHBOUR_COMPLETIONS = 6  # completions per neighbour when answers are unknown
FIXED_FACTS = frozenset({"existing_system", "developers", "codebase_kloc"})


@dataclass(frozen=True)
class Assurance:
    confidence: c.Confidence
    margin: float
    robustness: float
    contested: tuple[str, ...]  # why practitioners disagree here, one sentence each


def neighbours(profile: Profile) -> Iterator[dict[str, Any]]:
    """The changes that make each neighbouring answer set."""
    base = profile.base
    for question in QUESTIONS:
        value = base[question.name]
        if question.name in FIXED_FACTS or value is UNKNOWN or value is None:
            continue
        if question.kind is Kind.CHOICE:
            yield from _enum_steps(question, value)
        elif question.name == "monolith_pain":
            yield from ({question.name: p} for p in (value - 1, value + 1) if 0 <= p <= 5)
        elif question.kind is Kind.NUMBER:
            yield from _number_steps(question, value)
    if not base["unknown_ops"]:
        yield from _ops_steps(base["ops"])


def _enum_steps(question: Question, value: Any) -> Iterator[dict[str, Any]]:
    members = list(question.values)
    here = members.index(value)
    for there in (here - 1, here + 1):
        if 0 <= there < len(members):
            yield {question.name: members[there]}


def _number_steps(question: Question, value: int) -> Iterator[dict[str, Any]]:
    low, high = question.bounds
    for moved in (min(value - 1, round(value * 0.7)), max(value + 1, round(value * 1.4))):
        if low <= moved <= high and moved != value:
            yield {question.name: moved}


def _ops_steps(ops: frozenset) -> Iterator[dict[str, Any]]:
    for op in c.PREREQUISITES:
        yield {"ops": ops - {op}} if op in ops else {"ops": ops | {op}}


def robustness(profile: Profile, style: c.Style) -> float:
    """The share of neighbouring answer sets whose style is `style`."""
    styles = [
        profile.evaluate(changes, NEIGHBOUR_COMPLETIONS).style for changes in neighbours(profile)
    ]
    values = profile.values()
    if profile.unknown_fields(values):
        styles += [profile.evaluate(done, 1).style for done in profile.completions(values)]
    if not styles:
        return 1.0
    return sum(s == style for s in styles) / len(styles)


def contested(profile: Profile, evaluation: Evaluation) -> tuple[str, ...]:
    """The situations in which recognised practitioners disagree, that these answers are in."""
    v = profile.base
    reasons = []
    if _ownership_without_driver(v):
        reasons.append(
            "Large organisations with ownership pain and no technical driver go both ways: "
            "some choose a modular monolith (Shopify), others migrate to services."
        )
    if _greenfield_with_a_reason(v):
        reasons.append(
            "Starting a new product as services is disputed: Fowler argues for a monolith "
            "first, Tilkov (and banks such as Monzo) for services from the start when the "
            "boundaries and the means to run them are there."
        )
    if _one_prerequisite_short(v, evaluation):
        reasons.append(
            "The case is strong but one prerequisite is missing: build it first, or while "
            "extracting the first slice."
        )
    if _consolidation_without_driver(v):
        reasons.append(
            "A fleet far larger than its teams can be merged into one modular deployable or "
            "into fewer, larger services; both are practised."
        )
    return tuple(reasons)


def _known(v: dict[str, Any], *names: str) -> bool:
    return all(v[name] is not UNKNOWN for name in names)


def has_technical_driver(v: dict[str, Any]) -> bool:
    """A scaling, runtime or isolation reason to run a part apart (FACTORS.md)."""
    return (
        v["scaling"] == c.Scaling.DIVERGENT
        or v["tech_diversity"] == c.TechDiversity.REQUIRED
        or v["failure_isolation"] in (c.Isolation.SOME, c.Isolation.CRITICAL)
    )


def _ownership_without_driver(v: dict[str, Any]) -> bool:
    if not _known(v, "existing_system", "deploy_contention", "monolith_pain"):
        return False
    waiting = CONTENTION[v["deploy_contention"]] >= CONTENTION[c.Contention.OFTEN]
    return (
        v["existing_system"] == c.ExistingSystem.MONOLITH
        and effective_teams(v) >= 4
        and (waiting or v["monolith_pain"] >= 4)
        and not has_technical_driver(v)
    )


def _greenfield_with_a_reason(v: dict[str, Any]) -> bool:
    """A new product with a reason for boundaries and the clarity, platform or growth to
    draw them early: the case Fowler and Tilkov argue over."""
    if v["existing_system"] != c.ExistingSystem.NONE:
        return False
    clear = v["domain_clarity"] == c.DomainClarity.CLEAR
    platform = (
        not v["unknown_ops"]
        and not missing_prerequisites(v)
        and (
            v["distributed_experience"] == c.Experience.STRONG
            or v["platform_team"] == c.PlatformTeam.DEDICATED
        )
    )
    reason = has_technical_driver(v) or v["regulated_parts"] == c.Regulation.SOME
    return (clear and platform) or (reason and (clear or v["growth"] == c.Growth.RAPID))


def _one_prerequisite_short(v: dict[str, Any], evaluation: Evaluation) -> bool:
    """Disputed, unless a dedicated platform team can build it beside the first slice."""
    return (
        not v["unknown_ops"]
        and v["platform_team"] != c.PlatformTeam.DEDICATED
        and len(missing_prerequisites(v)) == 1
        and evaluation.weighed >= STRONG_CASE
    )


def _consolidation_without_driver(v: dict[str, Any]) -> bool:
    return (
        v["existing_system"] == c.ExistingSystem.MICROSERVICES
        and oversized_fleet(v)
        and effective_teams(v) >= 2
        and not has_technical_driver(v)
    )


def assess(profile: Profile, evaluation: Evaluation) -> Assurance:
    fits = evaluation.fits
    margin = fits[evaluation.style] - fits[evaluation.runner_up]
    share = robustness(profile, evaluation.style)
    reasons = contested(profile, evaluation)
    many_unknowns = len(profile.unknown_fields(profile.values())) >= 3
    if reasons:
        level = c.Confidence.LOW  # FACTORS.md: where practitioners disagree, say so
    elif margin >= HIGH_MARGIN and share >= HIGH_ROBUSTNESS and not many_unknowns:
        level = c.Confidence.HIGH
    elif margin >= MEDIUM_MARGIN and share >= MEDIUM_ROBUSTNESS:
        level = c.Confidence.MEDIUM
    else:
        level = c.Confidence.LOW
    return Assurance(level, margin, share, reasons)
