"""The questionnaire's answers, and their validation.

`parse_answers` reads a plain dict (from JSON or a form) and returns `Answers` with
defaults filled in, or raises `AnswersInvalid` listing every problem at once.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from decider.engine import choices as c


@dataclass(frozen=True)
class Problem:
    """One invalid field: `loc` is its path, as in the API's 422 `detail`."""

    loc: tuple[str | int, ...]
    msg: str
    type: str = "value_error"


class AnswersInvalid(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, p.loc))}: {p.msg}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Domain:
    name: str
    load: c.Load = c.Load.NORMAL
    team: str | None = None
    depends_on: tuple[str, ...] = ()
    publishes_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answers:
    teams: int
    deploy_contention: c.Contention
    scaling: c.Scaling
    tech_diversity: c.TechDiversity
    monolith_pain: int
    existing_system: c.ExistingSystem = c.ExistingSystem.NONE
    developers: int | None = None
    codebase_kloc: int | None = None
    ops: frozenset[c.Op] = field(default_factory=frozenset)
    distributed_experience: c.Experience = c.Experience.SOME
    consistency: c.Consistency = c.Consistency.MIXED
    domain_clarity: c.DomainClarity = c.DomainClarity.PARTIAL
    domains: tuple[Domain, ...] = tuple(Domain(name) for name in c.DEFAULT_DOMAINS)
    practices: frozenset[c.Practice] = field(default_factory=frozenset)
    org: frozenset[c.OrgTrait] = field(default_factory=frozenset)

    def to_dict(self) -> dict[str, Any]:
        """The normalised answers as JSON-ready data (sets listed in enum order)."""
        data = {k: _plain(v) for k, v in asdict(self).items()}
        for name, enum in _SETS.items():
            data[name] = [str(v) for v in enum if v in getattr(self, name)]
        data["domains"] = [{k: _plain(v) for k, v in d.items()} for d in data["domains"]]
        return data

    @property
    def missing_prerequisites(self) -> tuple[c.Op, ...]:
        return tuple(op for op in c.PREREQUISITES if op not in self.ops)


def _plain(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


REQUIRED = ("teams", "deploy_contention", "scaling", "tech_diversity", "monolith_pain")
_INTS = {
    "teams": (c.TEAMS_MIN, c.TEAMS_MAX),
    "developers": (c.DEVELOPERS_MIN, c.DEVELOPERS_MAX),
    "monolith_pain": (c.PAIN_MIN, c.PAIN_MAX),
    "codebase_kloc": (c.KLOC_MIN, c.KLOC_MAX),
}
_ENUMS: dict[str, type[StrEnum]] = {
    "deploy_contention": c.Contention,
    "scaling": c.Scaling,
    "tech_diversity": c.TechDiversity,
    "existing_system": c.ExistingSystem,
    "distributed_experience": c.Experience,
    "consistency": c.Consistency,
    "domain_clarity": c.DomainClarity,
}
_SETS: dict[str, type[StrEnum]] = {"ops": c.Op, "practices": c.Practice, "org": c.OrgTrait}
KNOWN_FIELDS = frozenset(REQUIRED) | _INTS.keys() | _ENUMS.keys() | _SETS.keys() | {"domains"}
_DOMAIN_NAME = re.compile(c.DOMAIN_NAME_PATTERN)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, loc: tuple[str | int, ...], msg: str, kind: str = "value_error") -> None:
        self.problems.append(Problem(loc, msg, kind))


def parse_answers(data: Mapping[str, Any]) -> Answers:
    """Validate `data` and return `Answers`; raise `AnswersInvalid` with every problem."""
    if not isinstance(data, Mapping):
        raise AnswersInvalid([Problem((), "Answers must be an object.", "type_error")])
    errors = _Collector()
    values: dict[str, Any] = {}
    for name in REQUIRED:
        if data.get(name) is None:
            errors.add((name,), "This field is required.", "missing")
    for name, (low, high) in _INTS.items():
        if data.get(name) is not None:
            values[name] = _parse_int(errors, name, data[name], low, high)
    for name, enum in _ENUMS.items():
        if data.get(name) is not None:
            values[name] = _parse_enum(errors, (name,), data[name], enum)
    for name, enum in _SETS.items():
        if data.get(name) is not None:
            values[name] = _parse_set(errors, name, data[name], enum)
    if data.get("domains") is not None:
        values["domains"] = _parse_domains(errors, data["domains"])
    if errors.problems:
        raise AnswersInvalid(errors.problems)
    return Answers(**{k: v for k, v in values.items() if v is not None})


def _parse_int(errors: _Collector, name: str, raw: Any, low: int, high: int) -> int | None:
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
    errors: _Collector, loc: tuple[str | int, ...], raw: Any, enum: type[StrEnum]
) -> Any:
    try:
        return enum(raw)
    except ValueError:
        allowed = ", ".join(f"'{v}'" for v in enum)
        errors.add(loc, f"Must be one of {allowed}.", "enum")
        return None


def _parse_set(errors: _Collector, name: str, raw: Any, enum: type[StrEnum]) -> frozenset | None:
    if isinstance(raw, str) or not isinstance(raw, Iterable):
        errors.add((name,), "Must be a list.", "list_type")
        return None
    items = [_parse_enum(errors, (name, i), item, enum) for i, item in enumerate(raw)]
    return frozenset(item for item in items if item is not None)


def _parse_domains(errors: _Collector, raw: Any) -> tuple[Domain, ...] | None:
    if isinstance(raw, str | Mapping) or not isinstance(raw, Iterable):
        errors.add(("domains",), "Must be a list of domains.", "list_type")
        return None
    raw = list(raw)
    if len(raw) > c.MAX_DOMAINS:
        errors.add(("domains",), f"At most {c.MAX_DOMAINS} domains.", "too_long")
        return None
    if not raw:
        return None
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


_LINK_KEYS = ("depends_on", "publishes_to")


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
