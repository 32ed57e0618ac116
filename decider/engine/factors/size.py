"""The size of the organisation, which scales each problem (Team Topologies: teams of
about 7 to 9 people; twenty teams or more feel a problem at full strength)."""

import math

from decider.engine import choices as c
from decider.engine.factors.base import Values


def effective_teams(v: Values) -> float:
    """The team count, corrected by the engineer count when that says otherwise."""
    teams, developers = v["teams"], v["developers"]
    if developers:
        teams = min(max(teams, developers / 15), max(developers / 3, 1))
    return teams


GROWTH_MULTIPLIER = {c.Growth.STABLE: 1.0, c.Growth.GROWING: 1.5, c.Growth.RAPID: 2.0, None: 1.0}
_LOG_FULL_SCALE = math.log(20)  # twenty teams or more feel a problem at full strength


def org_scale(teams: float) -> float:
    """0 for one team, rising to 1 at twenty teams (on a log scale)."""
    return min(1.0, math.log(max(teams, 1.0)) / _LOG_FULL_SCALE)


def technical_scale(v: Values) -> float:
    """Technical drivers matter even to a small organisation, more to a larger one."""
    return 0.5 + 0.5 * org_scale(effective_teams(v))


def is_existing_monolith(v: Values) -> bool:
    return v["existing_system"] == c.ExistingSystem.MONOLITH
