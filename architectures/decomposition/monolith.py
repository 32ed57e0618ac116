"""The design's Monolith: modules, the tables they touch and the calls between them.

The dataclasses below are the one declaration of the shape: their annotations carry the
limits (`annotated_types`, the vocabulary pydantic reads) and their attribute docstrings
the descriptions, so the API's JSON schema is generated from them. `parse_monolith`
checks the same limits, with the cross-references a schema cannot say (calls to modules
that exist, names listed once), and reports every problem at once as a list of `Problem`
(the same type the architecture model uses, so the API turns both into a 422).
Names are user text: never use them as DOT ids or unescaped labels.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any

from annotated_types import Ge, Le, MaxLen, MinLen

from architectures.problems import Invalid, Problem

# These bound a whole codebase, not one box of a diagram, so they are far above the
# architecture model's COMPONENT_NAME_MAX (60) and MAX_MODULES_PER_COMPONENT (100): a module
# name is a dotted import path (`saleor.graphql.checkout.mutations.checkout_complete` is 51
# characters, and deeper ones reach 100), and a large monolith has thousands of modules.
# The totals keep one decomposition within a few seconds (see bench/decompose.py).
MONOLITH_NAME_MAX = 120  # a module, table or candidate name
MODULES_PER_MONOLITH_MAX = 20_000
CALLS_PER_MONOLITH_MAX = 200_000
ACCESSES_PER_MONOLITH_MAX = 200_000
COUNT_MAX = 10**12  # a call count or a line count
NOTES_MAX = 50
NOTE_LENGTH_MAX = 2000

Name = Annotated[str, MinLen(1), MaxLen(MONOLITH_NAME_MAX)]
Count = Annotated[int, Ge(1), Le(COUNT_MAX)]
# Pydantic reads attribute docstrings as descriptions when the class asks for it.
DOCUMENTED = {"use_attribute_docstrings": True}


class Access(StrEnum):
    READ = "r"
    WRITE = "w"
    READ_WRITE = "rw"

    @property
    def writes(self) -> bool:
        return self is not Access.READ


@dataclass(frozen=True)
class Module:
    __pydantic_config__ = DOCUMENTED

    name: Name
    """The module's name, usually its dotted import path (`orders.checkout`)."""
    tables: Mapping[Name, Access] = field(default_factory=dict)
    """Table name to `r` (reads), `w` (writes) or `rw` (both)."""
    calls: Mapping[Name, Count] = field(default_factory=dict)
    """Name of another module of this monolith to how many times this one calls it."""
    loc: Annotated[int, Ge(0), Le(COUNT_MAX)] | None = None
    """Its size in lines of code, optional."""


@dataclass(frozen=True)
class Monolith:
    __pydantic_config__ = DOCUMENTED

    modules: Annotated[tuple[Module, ...], MinLen(1), MaxLen(MODULES_PER_MONOLITH_MAX)]
    """Every module; each call names another module of this list."""
    notes: Annotated[tuple[Annotated[str, MaxLen(NOTE_LENGTH_MAX)], ...], MaxLen(NOTES_MAX)] = ()
    """How the monolith was read from source: what was left out and what is approximate."""

    @property
    def call_count(self) -> int:
        return sum(len(m.calls) for m in self.modules)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"modules": [_module_dict(m) for m in self.modules]}
        if self.notes:
            data["notes"] = list(self.notes)
        return data


def _module_dict(module: Module) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": module.name,
        "tables": {t: str(a) for t, a in module.tables.items()},
        "calls": dict(module.calls),
    }
    if module.loc is not None:
        data["loc"] = module.loc
    return data


class MonolithInvalid(Invalid):
    """A monolith that cannot be read, with every problem found."""


def valid_name(name: Any) -> bool:
    return isinstance(name, str) and 1 <= len(name) <= MONOLITH_NAME_MAX and name.isprintable()


def valid_count(value: Any) -> bool:
    return type(value) is int and 1 <= value <= COUNT_MAX


NAME_MSG = f"1 to {MONOLITH_NAME_MAX} printable characters."
COUNT_MSG = "Must be a positive whole number."


def parse_monolith(data: Any) -> Monolith:
    """Validate the JSON shape and return a `Monolith`, or raise `MonolithInvalid`."""
    if not isinstance(data, Mapping):
        raise MonolithInvalid([Problem((), "A monolith must be an object.", "dict_type")])
    raw_modules = data.get("modules")
    problems = _check_module_list(raw_modules)
    if problems:
        raise MonolithInvalid(problems)
    names = _module_names(problems, raw_modules)
    modules = [_parse_module(problems, i, raw, names) for i, raw in enumerate(raw_modules)]
    _check_totals(problems, raw_modules)
    notes = _parse_notes(problems, data.get("notes", []))
    if problems:
        raise MonolithInvalid(problems)
    return Monolith(tuple(modules), notes)  # type: ignore[arg-type]


def _parse_notes(problems: list[Problem], raw: Any) -> tuple[str, ...]:
    ok = (
        isinstance(raw, list)
        and len(raw) <= NOTES_MAX
        and all(isinstance(n, str) and len(n) <= NOTE_LENGTH_MAX and _unicode(n) for n in raw)
    )
    if not ok:
        msg = (
            f"At most {NOTES_MAX} notes, each a text of at most {NOTE_LENGTH_MAX:,} characters "
            "of valid Unicode."
        )
        problems.append(Problem(("notes",), msg, "list_type"))
        return ()
    return tuple(raw)


def _unicode(text: str) -> bool:
    """False for a lone surrogate (JSON's "\\ud800"), which no database or page can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_module_list(raw: Any) -> list[Problem]:
    loc = ("modules",)
    if raw is None:
        return [Problem(loc, "This field is required.", "missing")]
    if not isinstance(raw, list):
        return [Problem(loc, "Must be a list.", "list_type")]
    if not raw:
        return [Problem(loc, "At least one module.", "too_short")]
    if len(raw) > MODULES_PER_MONOLITH_MAX:
        return [
            Problem(
                loc, f"At most {MODULES_PER_MONOLITH_MAX:,} modules, got {len(raw):,}.", "too_long"
            )
        ]
    return []


def _module_names(problems: list[Problem], raw_modules: list[Any]) -> set[str]:
    names: set[str] = set()
    for index, raw in enumerate(raw_modules):
        name = raw.get("name") if isinstance(raw, Mapping) else None
        if not valid_name(name):
            continue
        if name in names:
            msg = f"Module {name!r} is listed twice."
            problems.append(Problem(("modules", index, "name"), msg))
        names.add(name)
    return names


def _check_totals(problems: list[Problem], raw_modules: list[Any]) -> None:
    mappings = [m for m in raw_modules if isinstance(m, Mapping)]
    for key, limit in (("calls", CALLS_PER_MONOLITH_MAX), ("tables", ACCESSES_PER_MONOLITH_MAX)):
        total = sum(len(m[key]) for m in mappings if isinstance(m.get(key), Mapping))
        if total > limit:
            msg = f"At most {limit:,} {key} entries in all, got {total:,}."
            problems.append(Problem(("modules",), msg, "too_long"))


def _parse_module(problems: list[Problem], index: int, raw: Any, names: set[str]) -> Module | None:
    loc = ("modules", index)
    if not isinstance(raw, Mapping):
        problems.append(Problem(loc, "Each module must be an object.", "dict_type"))
        return None
    before = len(problems)
    name = raw.get("name")
    if name is None:
        problems.append(Problem((*loc, "name"), "This field is required.", "missing"))
    elif not valid_name(name):
        problems.append(Problem((*loc, "name"), NAME_MSG))
    tables = _parse_tables(problems, (*loc, "tables"), raw.get("tables", {}))
    calls = _parse_calls(problems, (*loc, "calls"), raw.get("calls", {}), names)
    loc_count = raw.get("loc")
    if loc_count is not None and not (type(loc_count) is int and 0 <= loc_count <= COUNT_MAX):
        problems.append(Problem((*loc, "loc"), "Must be a whole number, 0 or more."))
    if len(problems) > before:
        return None
    return Module(name=name, tables=tables, calls=calls, loc=loc_count)


def _parse_tables(problems: list[Problem], loc: tuple, raw: Any) -> dict[str, Access]:
    if not isinstance(raw, Mapping):
        problems.append(Problem(loc, "Must be an object of table name to r, w or rw.", "dict_type"))
        return {}
    tables: dict[str, Access] = {}
    for table, mode in raw.items():
        if not valid_name(table):
            problems.append(
                Problem((*loc, str(table)[:MONOLITH_NAME_MAX]), f"Table names: {NAME_MSG}")
            )
        elif mode not in ("r", "w", "rw"):
            problems.append(Problem((*loc, table), "Must be one of 'r', 'w', 'rw'.", "enum"))
        else:
            tables[table] = Access(mode)
    return tables


def _parse_calls(problems: list[Problem], loc: tuple, raw: Any, names: set[str]) -> dict[str, int]:
    if not isinstance(raw, Mapping):
        problems.append(
            Problem(loc, "Must be an object of module name to call count.", "dict_type")
        )
        return {}
    calls: dict[str, int] = {}
    for callee, count in raw.items():
        callee_loc = (*loc, str(callee)[:MONOLITH_NAME_MAX])
        if callee not in names:
            problems.append(
                Problem(callee_loc, f"Unknown module {str(callee)[:MONOLITH_NAME_MAX]!r}.")
            )
        elif not valid_count(count):
            problems.append(Problem(callee_loc, COUNT_MSG, "int_type"))
        else:
            calls[callee] = count
    return calls
