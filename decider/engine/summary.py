"""The verdict in plain words: a headline, how contested it is, and what weighs most."""

from decider.engine import choices as c
from decider.engine.factors import Factor, oversized_fleet
from decider.engine.overrides import missing_prerequisites
from decider.engine.weighing import Evaluation

HEADLINES = {
    c.Style.MONOLITH: "Build one well-structured deployable: a monolith.",
    c.Style.MODULAR_MONOLITH: (
        "Build a modular monolith: one deployable with enforced module boundaries "
        "and a schema per module."
    ),
    c.Style.MICROSERVICES: "Microservices fit: one service per bounded domain, each owning its data.",
    c.Style.INCREMENTAL_MIGRATION: (
        "Migrate incrementally: carve one bounded slice with its own data off the monolith, "
        "route traffic to it, measure, repeat. Never a rewrite in one go."
    ),
}


def headline(v: dict, evaluation: Evaluation, build_first: tuple[c.Op, ...]) -> str:
    style = evaluation.style
    if v["existing_system"] == c.ExistingSystem.MICROSERVICES and oversized_fleet(v):
        if style.family == c.Family.MONOLITH:
            return (
                f"Consolidate: merge the {v['services_today']} services back into "
                f"{'a modular monolith' if style == c.Style.MODULAR_MONOLITH else 'one deployable'}."
            )
        target = max(1, round(v["teams"] * 2))
        return (
            f"Consolidate: merge the {v['services_today']} services into about {target} larger "
            "ones, at most two per team, each owning its data."
        )
    if build_first:
        missing = ", ".join(c.LABELS[op] for op in build_first)
        return (
            f"Migrate incrementally, platform first: build {missing}, then carve one bounded "
            "slice off the monolith, measure, repeat."
        )
    return HEADLINES[style]


def plain_confidence(evaluation: Evaluation, robustness: float, contested: bool) -> str:
    """E.g. "Holds for 83% of nearby answers; a modular monolith is the close alternative."."""
    held = f"Holds for {robustness:.0%} of nearby answers"
    margin = evaluation.fits[evaluation.style] - evaluation.fits[evaluation.runner_up]
    alternative = evaluation.runner_up.label.lower()
    article = "an" if alternative[0] in "aeiou" else "a"
    if margin < 0.1 or contested:
        return f"{held}; {article} {alternative} is the close alternative."
    return f"{held}; the next best is {article} {alternative}."


def summarise(
    v: dict,
    evaluation: Evaluation,
    factors: list[Factor],
    build_first: tuple[c.Op, ...],
    gated: bool,
) -> str:
    parts = [headline(v, evaluation, build_first)]
    missing = missing_prerequisites(v) if not v["unknown_ops"] else ()
    if gated and missing and not build_first:
        listed = ", ".join(c.LABELS[op] for op in missing)
        parts.append(f"Microservices are not advisable yet: first put in place {listed}.")
    weighed = [f for f in factors if not f.factor.startswith("rule_")]
    toward = max(weighed, key=lambda f: f.contribution)
    against = min(weighed, key=lambda f: f.contribution)
    if toward.contribution > 0:
        parts.append(f"Strongest push towards services: {lower_first(toward.explanation)}")
    if against.contribution < 0:
        parts.append(f"Strongest push towards one deployable: {lower_first(against.explanation)}")
    return " ".join(parts)


def lower_first(sentence: str) -> str:
    """The sentence as it reads after a comma: its first letter lowered."""
    # Keep acronyms ("CI/CD ...") and numbers as they are.
    if sentence[:1].isupper() and not sentence[1:2].isupper():
        return sentence[0].lower() + sentence[1:]
    return sentence
