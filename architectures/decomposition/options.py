"""The options of a decomposition, checked once for the core, the pages and the API:
`resolution` (None: chosen by `granularity`), `pins` and `teams`."""

import math
from collections.abc import Collection, Mapping
from typing import Any

from architectures.decomposition.granularity import RESOLUTION_MAX, RESOLUTION_MIN
from architectures.decomposition.monolith import MONOLITH_NAME_MAX, NAME_MSG, Problem, valid_name

# As many teams as the questionnaire accepts.
TEAMS_MAX = 1000


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
    if not (math.isfinite(resolution) and RESOLUTION_MIN <= resolution <= RESOLUTION_MAX):
        msg = f"Must lie between {RESOLUTION_MIN} and {RESOLUTION_MAX:g}."
        return [Problem(("resolution",), msg, "value_error")]
    return []
