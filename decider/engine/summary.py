"""A short summary of the verdict in plain words."""

from decider.engine import choices as c
from decider.engine.answers import Answers
from decider.engine.factors import Factor
from decider.engine.verdict import Verdict

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


def summarise(a: Answers, verdict: Verdict, factors: tuple[Factor, ...]) -> str:
    parts = [HEADLINES[verdict.style]]
    if verdict.gated and a.missing_prerequisites:
        missing = ", ".join(c.LABELS[op] for op in a.missing_prerequisites)
        parts.append(f"Microservices are not advisable yet: first put in place {missing}.")
    weighed = [f for f in factors if not f.factor.startswith("rule_")]
    toward = max(weighed, key=lambda f: f.contribution)
    against = min(weighed, key=lambda f: f.contribution)
    if toward.contribution > 0:
        parts.append(f"Strongest push towards services: {_lower(toward.explanation)}")
    if against.contribution < 0:
        parts.append(f"Strongest push towards one deployable: {_lower(against.explanation)}")
    return " ".join(parts)


def _lower(sentence: str) -> str:
    # Keep acronyms ("CI/CD ...") and numbers as they are.
    if sentence[:1].isupper() and not sentence[1:2].isupper():
        return sentence[0].lower() + sentence[1:]
    return sentence
