"""Sensitivity: the smallest changes of answers that would change the advice.

`find_flips` looks for the changes that move the architecture to the other side;
`runner_up_change` for the one that makes the runner-up win. Both try one-field changes
first, each field's nearest value first; only when no single change is enough do they
try pairs, among the fields whose single changes came closest.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations
from typing import Any

from decider.engine import choices as c
from decider.engine.questions import BY_NAME, QUESTIONS, Kind
from decider.engine.rounding import rounded
from decider.engine.weighing import UNKNOWN, Evaluation, Profile, settle

TEAM_STEPS = (1, 2, 3, 4, 6, 10, 20, 40)
MAX_PAIR_FLIPS = 5
PAIR_ALTERNATIVES = 2
PAIR_FIELDS = 5
SEARCH_COMPLETIONS = 6
# What exists today is a fact to build on, not an answer to change.
FIXED_FACTS = frozenset({"existing_system"})
# The answers the score is monotone in (DESIGN.md): raising each never lowers it, or for
# consistency never raises it.
MONOTONE_FIELDS = frozenset(
    {
        "teams",
        "deploy_contention",
        "scaling",
        "tech_diversity",
        "monolith_pain",
        "domain_clarity",
        "distributed_experience",
        "consistency",
    }
)


@dataclass(frozen=True)
class Change:
    field: str
    value: Any
    label: str
    distance: int
    direction: int = 0  # below (-1) or above (+1) the current value, for ordered answers


@dataclass(frozen=True)
class Flip:
    changes: tuple[Change, ...]
    outcome: Evaluation

    @property
    def condition(self) -> str:
        """The changes in words, e.g. "with 4 teams instead of 6"."""
        return " and ".join(ch.label for ch in self.changes)

    @property
    def description(self) -> str:
        what = self.condition
        return f"{what[0].upper()}{what[1:]}: {self.outcome.style.label.lower()}."

    def to_dict(self) -> dict[str, object]:
        return {
            "changes": {ch.field: _json(ch.value) for ch in self.changes},
            "architecture": str(self.outcome.architecture),
            "style": str(self.outcome.style),
            "score": rounded(self.outcome.score),
            "description": self.description,
            "condition": self.condition,
        }


def _json(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(str(v) for v in value)
    return str(value) if isinstance(value, StrEnum) else value


Reaches = Callable[[Evaluation], bool]
Progress = Callable[[Evaluation], float]


def find_flips(profile: Profile, evaluation: Evaluation) -> tuple[Flip, ...]:
    side = evaluation.architecture
    toward = -1.0 if side == c.Family.MICROSERVICES else 1.0
    # The architecture follows the score's sign, which is monotone in these answers: if
    # neither end of a field's range flips it, no value in between does.
    return nearest_changes(
        profile,
        lambda e: e.architecture != side,
        lambda e: toward * e.score,
        monotone=MONOTONE_FIELDS,
    )


def runner_up_change(
    profile: Profile, evaluation: Evaluation, flips: tuple[Flip, ...] = ()
) -> Flip | None:
    """The nearest change that makes the runner-up win. When the runner-up is on the other
    side, a flip that lands on it is that change, found already."""
    best, second = evaluation.style, evaluation.runner_up
    landing = [f for f in flips if f.outcome.style == second and len(f.changes) == 1]
    if landing:
        return min(landing, key=lambda f: f.changes[0].distance)
    found = nearest_changes(
        profile, lambda e: e.style == second, lambda e: e.fits[second] - e.fits[best]
    )
    return found[0] if found else None


def nearest_changes(
    profile: Profile, reaches: Reaches, progress: Progress, monotone: frozenset[str] = frozenset()
) -> tuple[Flip, ...]:
    by_field = {name: list(alts) for name, alts in alternatives(profile)}
    singles, closest = [], []
    for name, options in by_field.items():
        best_progress = None
        if name in monotone and profile.base[name] not in (UNKNOWN, None):
            options, best_progress = _reaching_side(profile, options, reaches, progress)
        for change in options:
            outcome = profile.evaluate(_changes(change), SEARCH_COMPLETIONS)
            if reaches(outcome):
                singles.append(Flip((change,), outcome))
                break
            moved = progress(outcome)
            best_progress = moved if best_progress is None else max(best_progress, moved)
        closest.append((best_progress if best_progress is not None else float("-inf"), name))
    if singles:
        return tuple(sorted(singles, key=lambda f: f.changes[0].distance))
    nearest = [name for _, name in sorted(closest, reverse=True)[:PAIR_FIELDS]]
    return _pairs(profile, {n: by_field[n] for n in nearest}, reaches)


def _reaching_side(
    profile: Profile, options: list[Change], reaches: Reaches, progress: Progress
) -> tuple[list[Change], float | None]:
    """For a monotone field: the alternatives on the side whose far end reaches, nearest
    first, or none; and how far the far ends got."""
    below = [ch for ch in options if ch.direction < 0]
    above = [ch for ch in options if ch.direction >= 0]
    moved = None
    for side in (below, above):
        if not side:
            continue
        far = max(side, key=lambda ch: ch.distance)
        outcome = profile.evaluate(_changes(far), SEARCH_COMPLETIONS)
        if reaches(outcome):
            return side, None
        moved = progress(outcome) if moved is None else max(moved, progress(outcome))
    return [], moved


def _pairs(profile: Profile, by_field: dict[str, list[Change]], reaches: Reaches):
    found = []
    for f1, f2 in combinations(by_field, 2):
        for ch1 in by_field[f1][:PAIR_ALTERNATIVES]:
            for ch2 in by_field[f2][:PAIR_ALTERNATIVES]:
                outcome = profile.evaluate(_changes(ch1, ch2), SEARCH_COMPLETIONS)
                if reaches(outcome):
                    found.append(Flip((ch1, ch2), outcome))
    found.sort(key=lambda f: (sum(ch.distance for ch in f.changes), -abs(f.outcome.score)))
    best: dict[tuple[str, ...], Flip] = {}
    for flip in found:
        best.setdefault(tuple(ch.field for ch in flip.changes), flip)
    return tuple(best.values())[:MAX_PAIR_FLIPS]


def _changes(*changes: Change) -> dict[str, Any]:
    settled: dict[str, Any] = {}
    for change in changes:
        settled.update(settle(change.field, change.value))
    return settled


def alternatives(profile: Profile) -> Iterator[tuple[str, Iterator[Change]]]:
    base = profile.base
    for question in QUESTIONS:
        name, value = question.name, base[question.name]
        if name == "teams":
            yield name, _team_changes(value)
        elif name == "monolith_pain":
            yield name, _pain_changes(value)
        elif name == "ops":
            yield name, _ops_changes(value)
        elif question.kind is Kind.CHOICE and name not in FIXED_FACTS:
            yield name, _enum_changes(name, value)
    if c.OrgTrait.TREND_DRIVEN in base["org"]:
        label = "if the push were not driven by the trend"
        yield "org", iter([Change("org", base["org"] - {c.OrgTrait.TREND_DRIVEN}, label, 1)])


def _team_changes(teams: int) -> Iterator[Change]:
    steps = sorted({*TEAM_STEPS, teams})
    here = steps.index(teams)
    for v in sorted((v for v in steps if v != teams), key=lambda v: abs(steps.index(v) - here)):
        offset = steps.index(v) - here
        yield Change("teams", v, f"with {v} teams instead of {teams}", abs(offset), _sign(offset))


def _enum_changes(name: str, current: Any) -> Iterator[Change]:
    members = list(BY_NAME[name].values)
    words = name.replace("_", " ")
    if current is UNKNOWN or current is None:
        known = "known to be" if current is UNKNOWN else ""
        for member in members:
            yield Change(name, member, f"if {words} were {known} '{member}'".replace("  ", " "), 1)
        return
    here = members.index(current)
    for member in sorted(members, key=lambda m: abs(members.index(m) - here)):
        if member != current:
            label = f"with {words} '{member}' instead of '{current}'"
            offset = members.index(member) - here
            yield Change(name, member, label, abs(offset), _sign(offset))


def _pain_changes(pain: Any) -> Iterator[Change]:
    if pain is UNKNOWN:
        for v in range(c.PAIN_MIN, c.PAIN_MAX + 1):
            yield Change("monolith_pain", v, f"if codebase pain were known to be {v}/5", 1)
        return
    for v in sorted(range(c.PAIN_MIN, c.PAIN_MAX + 1), key=lambda v: abs(v - pain)):
        if v != pain:
            label = f"with codebase pain {v}/5 instead of {pain}/5"
            yield Change("monolith_pain", v, label, abs(v - pain), _sign(v - pain))


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


def _sign(offset: int) -> int:
    return (offset > 0) - (offset < 0)
