"""The options of a decomposition, declared and checked once for the core, the pages and
the API: `resolution` (None: chosen by `granularity`), `pins` and `teams`."""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from annotated_types import Ge, Le

from architectures.decomposition.granularity import RESOLUTION_MAX, RESOLUTION_MIN
from architectures.decomposition.monolith import (
    DOCUMENTED,
    MONOLITH_NAME_MAX,
    NAME_MSG,
    MonolithInvalid,
    Name,
    Problem,
    valid_name,
)

# As many teams as the questionnaire accepts.
TEAMS_MAX = 1000


@dataclass(frozen=True)
class Options:
    __pydantic_config__ = DOCUMENTED

    resolution: Annotated[float, Ge(RESOLUTION_MIN), Le(RESOLUTION_MAX)] | None = None
    """Above 1: more, smaller candidates; below 1: fewer, larger ones. Absent: chosen by
    a stated criterion (see `granularity` in the answer)."""
    pins: Mapping[Name, Name] = field(default_factory=dict)
    """Module name to the name of the candidate it must end up in."""
    teams: Annotated[int, Ge(1), Le(TEAMS_MAX)] | None = None
    """Without a resolution: aim for candidates one team each can own."""


def read_options(raw: Mapping[str, Any], known: Collection[str] | None) -> Options:
    """The options among `raw` (other keys ignored); raises `MonolithInvalid`."""
    resolution, pins, teams = raw.get("resolution"), raw.get("pins", {}), raw.get("teams")
    if problems := option_problems(known, resolution, pins, teams):
        raise MonolithInvalid(problems)
    return Options(None if resolution is None else float(resolution), dict(pins), teams)


def option_problems(
    known: Collection[str] | None, resolution: Any, pins: Any, teams: Any = None
) -> list[Problem]:
    """What is wrong with the options; unknown pinned modules only when the `known`
    module names are given."""
    problems = _resolution_problems(resolution)
    if teams is not None and not (type(teams) is int and 1 <= teams <= TEAMS_MAX):
        problems.append(Problem(("teams",), f"A whole number from 1 to {TEAMS_MAX:,}.", "int_type"))
    if not isinstance(pins, Mapping):
        msg = "Must be an object of module name to candidate name."
        return [*problems, Problem(("pins",), msg, "dict_type")]
    for module, name in pins.items():
        loc = ("pins", str(module)[:MONOLITH_NAME_MAX])
        if known is not None and module not in known:
            problems.append(Problem(loc, f"Unknown module {str(module)[:MONOLITH_NAME_MAX]!r}."))
        elif not valid_name(name):
            problems.append(Problem(loc, f"Candidate names: {NAME_MSG}", "string_type"))
    return problems


def _resolution_problems(resolution: Any) -> list[Problem]:
    if resolution is None:
        return []
    if not isinstance(resolution, int | float) or isinstance(resolution, bool):
        return [Problem(("resolution",), "Must be a number.", "float_type")]
    # Compared as they are: NaN lies in no range, and an integer too large for a float
    # (which math.isfinite cannot take) compares exactly.
    if not RESOLUTION_MIN <= resolution <= RESOLUTION_MAX:
        msg = f"Must lie between {RESOLUTION_MIN} and {RESOLUTION_MAX:g}."
        return [Problem(("resolution",), msg, "value_error")]
    return []


PIN_MSG = "Write each pin as 'module = candidate'."


def parse_pins(texts: Sequence[str], at: str = "pins") -> tuple[dict[str, str], list[Problem]]:
    """Pins written `module = candidate`, and a problem at (`at`, index) for each that is
    not one."""
    pins: dict[str, str] = {}
    problems = []
    for index, text in enumerate(texts):
        if (pin := parse_pin(text)) is None:
            problems.append(Problem((at, index), PIN_MSG))
        else:
            pins[pin[0]] = pin[1]
    return pins, problems


def parse_pin(text: str) -> tuple[str, str] | None:
    """`module = candidate` as a pair, split at the last `=`; None when either is empty."""
    module, sep, candidate = (part.strip() for part in text.rpartition("="))
    return (module, candidate) if sep and module and candidate else None
