"""Weighing one answer set: its score, the four options' fits, and the style they give.

Answers with "don't know" in them are weighed over their completions: every way the
unknown answers could turn out (a deterministic sample when there are many). The score
and each option's fit are the averages over the completions, so an unknown widens the
range instead of silently taking a default.

The style choice is a small set of rules over the fits (see `options.py`):
1. the score's sign picks the side: microservices above zero, one deployable otherwise;
   each side's fit is (1 ± score) / 2;
2. within a side, each option's suitability (relative to the side's best) scales the
   side's fit;
3. the verdict is the best fit; ties go to the option listed first in `Style`.

`Profile` prepares the answers once; neighbours and flips are evaluated as changes to
it, which is what keeps a whole recommendation within milliseconds.
"""

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import product
from typing import Any

import networkx as nx

from decider.engine import choices as c
from decider.engine.answers import is_unknown
from decider.engine.factors import DEFINITIONS, NORM, WEIGHTS, DomainFacts, Factor, Values
from decider.engine.options import STYLES, suitabilities
from decider.engine.overrides import RULES
from decider.engine.questions import QUESTIONS, Kind

MAX_COMPLETIONS = 24
UNKNOWN = object()  # an answer still to be filled in by a completion


@dataclass(frozen=True)
class Evaluation:
    score: float
    weighed: float  # before the rules' caps
    fits: dict[c.Style, float]

    @cached_property
    def ranked(self) -> tuple[c.Style, ...]:
        """The styles best first; ties go to the one listed first in `Style`."""
        return tuple(sorted(STYLES, key=lambda s: -self.fits[s]))

    @property
    def style(self) -> c.Style:
        return self.ranked[0]

    @property
    def architecture(self) -> c.Family:
        return c.Family.MICROSERVICES if self.score > 0 else c.Family.MONOLITH

    @property
    def runner_up(self) -> c.Style:
        return self.ranked[1]


def domain_facts(answers: Any) -> DomainFacts:
    graph = nx.DiGraph((d.name, t) for d in answers.domains for t in d.depends_on)
    cyclic = any(len(part) > 1 for part in nx.strongly_connected_components(graph))
    names = tuple(d.name for d in answers.domains)
    return DomainFacts(len(names), names, graph.number_of_edges(), cyclic)


def _base_values(answers: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for q in QUESTIONS:
        values[q.name] = (
            UNKNOWN if is_unknown(answers, q) and not q.unknown_flag else getattr(answers, q.name)
        )
    values["unknown_ops"] = answers.unknown_ops
    return values


def possible_values(question_name: str, values: Mapping[str, Any]) -> list[Any]:
    """The values an unknown answer ranges over."""
    if question_name == "unknown_ops":
        # Always three, even when two coincide: changing a known answer must not change
        # which completions a sample draws, or the engine would stop being monotone.
        ops = values["ops"]
        return [ops, ops | frozenset(c.PREREQUISITES), frozenset(c.Op)]
    question = next(q for q in QUESTIONS if q.name == question_name)
    if question.kind is Kind.NUMBER:
        low, high = question.bounds
        return list(range(low, high + 1))
    return list(question.values)


class Profile:
    """The answers, prepared to be weighed as they are and with changes."""

    def __init__(self, answers: Any) -> None:
        self.answers = answers
        self.base = _base_values(answers)
        self.domains = domain_facts(answers)
        # Flips, the runner-up's change and robustness try many of the same changes.
        self._seen: dict[tuple, Evaluation] = {}

    def values(self, changes: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return self.base | dict(changes or {})

    def unknown_fields(self, values: Mapping[str, Any]) -> list[str]:
        found = [name for name, value in values.items() if value is UNKNOWN]
        return found + (["unknown_ops"] if values["unknown_ops"] else [])

    def completions(self, values: Mapping[str, Any], limit: int = MAX_COMPLETIONS) -> list[dict]:
        """Every way the unknown answers could turn out, or a deterministic sample."""
        unknown = self.unknown_fields(values)
        if not unknown:
            return [dict(values)]
        options = [possible_values(name, values) for name in unknown]
        combos = _combinations(options, limit)
        completed = []
        for combo in combos:
            done = dict(values)
            for name, value in zip(unknown, combo, strict=True):
                done.update(settle(name, value))
            completed.append(done)
        return completed

    def evaluate(
        self, changes: Mapping[str, Any] | None = None, limit: int = MAX_COMPLETIONS
    ) -> Evaluation:
        key = (tuple(sorted((changes or {}).items())), limit)
        if key not in self._seen:
            completions = self.completions(self.values(changes), limit)
            self._seen[key] = average([evaluate_known(v, self.domains) for v in completions])
        return self._seen[key]


def settle(name: str, value: Any) -> dict[str, Any]:
    """The answers that say `name` is `value`: the operations tooling, named by its field
    or by its "don't know" flag, also clears that flag."""
    if name in ("ops", "unknown_ops"):
        return {"ops": value, "unknown_ops": False}
    return {name: value}


def _combinations(options: list[list[Any]], limit: int) -> list[tuple[Any, ...]]:
    """All combinations of the options, or `limit` of them drawn without building them all."""
    total = math.prod(len(o) for o in options)
    if total <= limit:
        return list(product(*options))
    drawn = random.Random(total).sample(range(total), limit)
    return [_decode(index, options) for index in drawn]


def _decode(index: int, options: list[list[Any]]) -> tuple[Any, ...]:
    picked = []
    for choices in reversed(options):
        index, digit = divmod(index, len(choices))
        picked.append(choices[digit])
    return tuple(reversed(picked))


def evaluate_known(v: Values, domains: DomainFacts) -> Evaluation:
    """Weigh one answer set with every answer known."""
    weighed = sum([weight(v, domains) for weight in WEIGHTS]) / NORM
    score = weighed
    for rule in RULES:
        if score > rule.cap and rule.applies(v, weighed):
            score = rule.cap
    return Evaluation(score, weighed, suitabilities(v, domains, weighed, score))


def average(evaluations: list[Evaluation]) -> Evaluation:
    """The expected evaluation, with the fits rebuilt from the mean score and suitabilities."""
    if len(evaluations) == 1:
        (only,) = evaluations
        return Evaluation(only.score, only.weighed, fits_from(only.score, only.fits))
    n = len(evaluations)
    score = sum(e.score for e in evaluations) / n
    weighed = sum(e.weighed for e in evaluations) / n
    suits = {s: sum(e.fits[s] for e in evaluations) / n for s in STYLES}
    return Evaluation(score, weighed, fits_from(score, suits))


SIDES = tuple((f, tuple(s for s in STYLES if s.family == f)) for f in c.Family)


def fits_from(score: float, suits: Mapping[c.Style, float]) -> dict[c.Style, float]:
    """Each option's fit: its side's share of the score, scaled by its relative suitability."""
    fits = {}
    for family, side in SIDES:
        share = (1 + score) / 2 if family == c.Family.MICROSERVICES else (1 - score) / 2
        best = max([suits[s] for s in side]) or 1.0
        for s in side:
            fits[s] = share * suits[s] / best
    return fits


def explained_factors(profile: Profile) -> list[Factor]:
    """Every factor's expected contribution (over the completions), explained; rules last."""
    completions = profile.completions(profile.values())
    n = len(completions)
    factors = []
    for definition in DEFINITIONS:
        weights = [definition.weight(v, profile.domains) / NORM for v in completions]
        mean = sum(weights) / n
        if max(weights) - min(weights) > 1e-9:
            why = _unknown_explanation(definition.label, min(weights), max(weights))
        else:
            base = completions[0]
            why = definition.explain(base, profile.domains, weights[0] * NORM)
        factors.append(Factor(definition.name, mean, why, definition.source, definition.label))
    return factors + _rule_factors(completions, profile.domains)


def _unknown_explanation(label: str, low: float, high: float) -> str:
    return (
        f"Not known: {label.lower()} weighs between {low:+.3f} and {high:+.3f} depending on "
        "the answer, so the average counts."
    )


def _rule_factors(completions: list[dict], domains: DomainFacts) -> list[Factor]:
    taken = {rule.factor: 0.0 for rule in RULES}
    why: dict[str, str] = {}
    for v in completions:
        weighed = sum([weight(v, domains) for weight in WEIGHTS]) / NORM
        score = weighed
        for rule in RULES:
            if rule.applies(v, weighed):
                why.setdefault(rule.factor, rule.explain(v))
                if score > rule.cap:
                    taken[rule.factor] += rule.cap - score
                    score = rule.cap
    n = len(completions)
    return [
        Factor(rule.factor, taken[rule.factor] / n, why[rule.factor], rule.source, rule.label)
        for rule in RULES
        if rule.factor in why
    ]
