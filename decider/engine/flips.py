"""Sensitivity: the smallest changes of answers that would change the architecture.

One-field changes first (the nearest value of each field that flips the verdict); only
when none exists, pairs of fields. Each flip says what the verdict would become.
"""

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import combinations
from typing import Any

from decider.engine import choices as c
from decider.engine.answers import Answers
from decider.engine.verdict import Verdict, weigh

TEAM_STEPS = (1, 2, 3, 4, 6, 10, 20)
MAX_PAIR_FLIPS = 5
PAIR_ALTERNATIVES = 3


@dataclass(frozen=True)
class Change:
    field: str
    value: Any
    label: str
    distance: int


@dataclass(frozen=True)
class Flip:
    changes: tuple[Change, ...]
    verdict: Verdict

    @property
    def description(self) -> str:
        what = " and ".join(ch.label for ch in self.changes)
        return f"{what[0].upper()}{what[1:]}: {self.verdict.style.replace('_', ' ')}."

    def to_dict(self) -> dict[str, object]:
        return {
            "changes": {ch.field: _json(ch.value) for ch in self.changes},
            "architecture": str(self.verdict.architecture),
            "style": str(self.verdict.style),
            "score": round(self.verdict.score, 4) + 0.0,
            "description": self.description,
        }


def _json(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(str(v) for v in value)
    return str(value) if isinstance(value, StrEnum) else value


def find_flips(a: Answers, verdict: Verdict) -> tuple[Flip, ...]:
    by_field = {name: list(alts) for name, alts in _alternatives(a)}
    singles = []
    for alternatives in by_field.values():
        flip = next((f for ch in alternatives if (f := _try(a, verdict, ch))), None)
        if flip:
            singles.append(flip)
    if singles:
        return tuple(sorted(singles, key=lambda f: f.changes[0].distance))
    return _pair_flips(a, verdict, by_field)


def _pair_flips(
    a: Answers, verdict: Verdict, by_field: dict[str, list[Change]]
) -> tuple[Flip, ...]:
    found = []
    for f1, f2 in combinations(by_field, 2):
        for ch1 in by_field[f1][:PAIR_ALTERNATIVES]:
            for ch2 in by_field[f2][:PAIR_ALTERNATIVES]:
                if flip := _try(a, verdict, ch1, ch2):
                    found.append(flip)
    found.sort(key=lambda f: (sum(ch.distance for ch in f.changes), -abs(f.verdict.score)))
    best: dict[tuple[str, ...], Flip] = {}
    for flip in found:
        best.setdefault(tuple(ch.field for ch in flip.changes), flip)
    return tuple(best.values())[:MAX_PAIR_FLIPS]


def _try(a: Answers, verdict: Verdict, *changes: Change) -> Flip | None:
    changed = replace(a, **{ch.field: ch.value for ch in changes})
    new, _ = weigh(changed)
    return Flip(changes, new) if new.architecture != verdict.architecture else None


def _alternatives(a: Answers) -> Iterator[tuple[str, Iterator[Change]]]:
    yield "teams", _team_changes(a.teams)
    for name in (
        "deploy_contention",
        "scaling",
        "tech_diversity",
        "domain_clarity",
        "distributed_experience",
        "consistency",
        "existing_system",
    ):
        yield name, _enum_changes(name, getattr(a, name))
    yield "monolith_pain", _pain_changes(a.monolith_pain)
    yield "ops", _ops_changes(a.ops)
    if c.OrgTrait.TREND_DRIVEN in a.org:
        label = "if the push were not driven by the trend"
        yield "org", iter([Change("org", a.org - {c.OrgTrait.TREND_DRIVEN}, label, 1)])


def _team_changes(teams: int) -> Iterator[Change]:
    values = sorted((v for v in TEAM_STEPS if v != teams), key=lambda v: abs(v - teams))
    for v in values:
        yield Change("teams", v, f"with {v} teams instead of {teams}", abs(v - teams))


def _enum_changes(name: str, current: StrEnum) -> Iterator[Change]:
    members = list(type(current))
    here = members.index(current)
    for member in sorted(members, key=lambda m: abs(members.index(m) - here)):
        if member != current:
            label = f"with {name.replace('_', ' ')} '{member}' instead of '{current}'"
            yield Change(name, member, label, abs(members.index(member) - here))


def _pain_changes(pain: int) -> Iterator[Change]:
    for v in sorted(range(c.PAIN_MIN, c.PAIN_MAX + 1), key=lambda v: abs(v - pain)):
        if v != pain:
            yield Change(
                "monolith_pain", v, f"with codebase pain {v}/5 instead of {pain}/5", abs(v - pain)
            )


def _ops_changes(ops: frozenset[c.Op]) -> Iterator[Change]:
    missing = [op for op in c.PREREQUISITES if op not in ops]
    if len(missing) > 1:
        label = "after adding " + ", ".join(c.LABELS[op] for op in missing)
        yield Change("ops", ops | set(missing), label, len(missing))
    for op in c.Op:
        if op not in ops:
            yield Change("ops", ops | {op}, f"after adding {c.LABELS[op]}", 1)
    for op in c.Op:
        if op in ops:
            yield Change("ops", ops - {op}, f"without {c.LABELS[op]}", 1)
