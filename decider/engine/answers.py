"""The questionnaire's answers, and their validation, generated from the question table.

`parse_answers` reads a plain dict (from JSON or a form) and returns `Answers` with
defaults filled in, or raises `AnswersInvalid` listing every problem at once.

"Don't know" is an answer: a choice may be `"unknown"`, a number `null`, and
`unknown_ops: true` says the `ops` list may be incomplete. An omitted field keeps its
default, so older requests read as they always did; the newer optional questions
default to `None`, "not answered", which weighs nothing and widens nothing.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, make_dataclass
from enum import StrEnum
from typing import Any

from architectures.problems import Invalid, Problem
from decider.engine import choices as c
from decider.engine.questions import QUESTIONS, Kind, Question


class AnswersInvalid(Invalid):
    """Answers that cannot be read, with every problem found."""


@dataclass(frozen=True)
class Domain:
    name: str
    load: c.Load = c.Load.NORMAL
    team: str | None = None
    depends_on: tuple[str, ...] = ()
    publishes_to: tuple[str, ...] = ()


DEFAULT_DOMAINS = tuple(Domain(name) for name in c.DEFAULT_DOMAINS)


class _AnswersBase:
    """Behaviour shared by the generated `Answers` class."""

    def to_dict(self) -> dict[str, Any]:
        """The normalised answers as JSON-ready data (sets listed in enum order)."""
        data: dict[str, Any] = {}
        for question in QUESTIONS:
            data[question.name] = _plain(question, getattr(self, question.name))
            if question.unknown_flag:
                data[question.unknown_flag] = getattr(self, question.unknown_flag)
        data["domains"] = [_domain_dict(d) for d in self.domains]
        return data

    @property
    def unknowns(self) -> tuple[str, ...]:
        """The questions answered "don't know", in table order."""
        return tuple(q.name for q in QUESTIONS if is_unknown(self, q))


def is_unknown(answers: Any, question: Question) -> bool:
    if question.unknown_flag:
        return bool(getattr(answers, question.unknown_flag))
    value = getattr(answers, question.name)
    if question.kind is Kind.NUMBER:
        return value is None and question.required
    return value == c.UNKNOWN


def _answer_fields() -> list[tuple]:
    required = [(q.name, Any) for q in QUESTIONS if q.required]
    optional = [(q.name, Any, q.default) for q in QUESTIONS if not q.required]
    flags = [(q.unknown_flag, bool, False) for q in QUESTIONS if q.unknown_flag]
    return [*required, *optional, *flags, ("domains", tuple, DEFAULT_DOMAINS)]


# One attribute per question (see `questions.QUESTIONS`), the `unknown_<set>` flags, and
# `domains`. Frozen and hashable, so the engine can vary it with `dataclasses.replace`.
Answers = make_dataclass(
    "Answers", _answer_fields(), bases=(_AnswersBase,), frozen=True, module=__name__
)
ANSWER_FIELDS = frozenset(f.name for f in fields(Answers))


def _plain(question: Question, value: Any) -> Any:
    if question.kind is Kind.SET:
        return [str(v) for v in question.values if v in value]
    return str(value) if isinstance(value, StrEnum | str) else value


def _domain_dict(domain: Domain) -> dict[str, Any]:
    return {
        "name": domain.name,
        "load": str(domain.load),
        "team": domain.team,
        "depends_on": list(domain.depends_on),
        "publishes_to": list(domain.publishes_to),
    }


_DOMAIN_NAME = re.compile(c.DOMAIN_NAME_PATTERN)
_LINK_KEYS = ("depends_on", "publishes_to")


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, loc: tuple[str | int, ...], msg: str, kind: str = "value_error") -> None:
        self.problems.append(Problem(loc, msg, kind))


def parse_answers(data: Mapping[str, Any]) -> Any:
    """Validate `data` and return `Answers`; raise `AnswersInvalid` with every problem."""
    if not isinstance(data, Mapping):
        raise AnswersInvalid([Problem((), "Answers must be an object.", "type_error")])
    errors = _Collector()
    values: dict[str, Any] = {}
    for question in QUESTIONS:
        if question.unknown_flag and data.get(question.unknown_flag) is not None:
            values[question.unknown_flag] = _parse_flag(errors, question.unknown_flag, data)
        if question.name not in data:
            if question.required:
                errors.add((question.name,), "This field is required.", "missing")
            continue
        values[question.name] = _parse(errors, question, data[question.name])
    if data.get("domains") is not None:
        values["domains"] = _parse_domains(errors, data["domains"])
    if errors.problems:
        raise AnswersInvalid(errors.problems)
    return Answers(**{k: v for k, v in values.items() if v is not _OMIT})


# A value that leaves the field at its default: `null` for a question with a default.
_OMIT = object()


def _parse(errors: _Collector, question: Question, raw: Any) -> Any:
    if raw is None:
        return _null(errors, question)
    if question.kind is Kind.NUMBER:
        return _parse_int(errors, question, raw)
    if question.kind is Kind.CHOICE:
        if question.unknown and raw == c.UNKNOWN:
            return c.UNKNOWN
        return _parse_enum(errors, (question.name,), raw, question.values, question.unknown)
    return _parse_set(errors, question.name, raw, question.values)


def _null(errors: _Collector, question: Question) -> Any:
    if question.required and not (question.unknown and question.kind is Kind.NUMBER):
        if question.unknown:
            errors.add((question.name,), f"Choose a value, or '{c.UNKNOWN}'.", "missing")
        else:
            errors.add((question.name,), "This field is required.", "missing")
        return None
    # A required number's null is "don't know"; an optional field's null is its default.
    return None if question.required else _OMIT


def _parse_flag(errors: _Collector, name: str, data: Mapping[str, Any]) -> Any:
    raw = data[name]
    if not isinstance(raw, bool):
        errors.add((name,), "Must be true or false.", "bool_type")
        return _OMIT
    return raw


def _parse_int(errors: _Collector, question: Question, raw: Any) -> int | None:
    name, (low, high) = question.name, question.bounds
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        errors.add((name,), "Enter a whole number.", "int_type")
        return None
    try:
        value = int(raw)
    except ValueError:
        errors.add((name,), "Enter a whole number.", "int_parsing")
        return None
    if not low <= value <= high:
        errors.add((name,), f"Must be between {low:,} and {high:,}.", "out_of_range")
        return None
    return value


def _parse_enum(
    errors: _Collector,
    loc: tuple[str | int, ...],
    raw: Any,
    enum: type[StrEnum],
    unknown: bool = False,
) -> Any:
    try:
        return enum(raw)
    except (ValueError, TypeError):
        allowed = ", ".join(f"'{v}'" for v in (*enum, *([c.UNKNOWN] if unknown else [])))
        errors.add(loc, f"Must be one of {allowed}.", "enum")
        return None


def _parse_set(errors: _Collector, name: str, raw: Any, enum: type[StrEnum]) -> frozenset | None:
    if isinstance(raw, str) or not isinstance(raw, Iterable):
        errors.add((name,), "Must be a list.", "list_type")
        return None
    items = [_parse_enum(errors, (name, i), item, enum) for i, item in enumerate(raw)]
    return frozenset(item for item in items if item is not None)


def _parse_domains(errors: _Collector, raw: Any) -> tuple[Domain, ...] | Any:
    if isinstance(raw, str | Mapping) or not isinstance(raw, Iterable):
        errors.add(("domains",), "Must be a list of domains.", "list_type")
        return _OMIT
    raw = list(raw)
    if len(raw) > c.MAX_DOMAINS:
        errors.add(("domains",), f"At most {c.MAX_DOMAINS} domains.", "too_long")
        return _OMIT
    if not raw:
        return _OMIT
    domains = [_parse_domain(errors, i, item) for i, item in enumerate(raw)]
    valid = [d for d in domains if d is not None]
    _check_domain_references(errors, valid, domains)
    return tuple(valid)


def _parse_domain(errors: _Collector, index: int, raw: Any) -> Domain | None:
    loc: tuple[str | int, ...] = ("domains", index)
    if not isinstance(raw, Mapping):
        errors.add(loc, "Each domain must be an object with a name.", "dict_type")
        return None
    before = len(errors.problems)
    name = raw.get("name")
    if not isinstance(name, str) or not _DOMAIN_NAME.match(name.strip() or "!"):
        errors.add(
            (*loc, "name"),
            f"1 to {c.DOMAIN_NAME_MAX} characters: letters, digits, space, '-' or '_'.",
        )
    load = _parse_enum(errors, (*loc, "load"), raw.get("load") or c.Load.NORMAL, c.Load)
    team = raw.get("team") or None
    if isinstance(team, str):
        team = team.strip() or None
    if team is not None and not _valid_team(team):
        msg = f"A team name of at most {c.TEAM_NAME_MAX} printable characters."
        errors.add((*loc, "team"), msg)
    links = {key: _parse_names(errors, (*loc, key), raw.get(key)) for key in _LINK_KEYS}
    if len(errors.problems) > before:
        return None
    return Domain(
        name=name.strip(),
        load=load,
        team=team,
        depends_on=links["depends_on"],
        publishes_to=links["publishes_to"],
    )


def _valid_team(team: object) -> bool:
    # Team names end up as component teams in the proposed architecture, whose model
    # accepts printable text only: a newline here would make the saved result unreadable.
    return isinstance(team, str) and len(team) <= c.TEAM_NAME_MAX and team.isprintable()


def _parse_names(errors: _Collector, loc: tuple[str | int, ...], raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = list(raw.split(","))
    if not isinstance(raw, Iterable) or not all(isinstance(n, str) for n in raw):
        errors.add(loc, "Must be a list of domain names.", "list_type")
        return ()
    return tuple(dict.fromkeys(n.strip() for n in raw if n.strip()))


def _check_domain_references(
    errors: _Collector, valid: list[Domain], parsed: list[Domain | None]
) -> None:
    known = {d.name for d in valid}
    seen: set[str] = set()
    for index, domain in enumerate(parsed):
        if domain is None:
            continue
        if domain.name in seen:
            errors.add(("domains", index, "name"), f"Domain '{domain.name}' is listed twice.")
        seen.add(domain.name)
        for key in _LINK_KEYS:
            for target in getattr(domain, key):
                if target not in known:
                    errors.add(("domains", index, key), f"Unknown domain '{target}'.")
                elif target == domain.name:
                    errors.add(("domains", index, key), "A domain cannot refer to itself.")
