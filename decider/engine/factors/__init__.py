"""The factors: what pushes towards services or towards one deployable, with sources.

Problems first, size second (FACTORS.md). The case for splitting is made of the problems
microservices solve: releases that wait on other teams, parts that scale differently,
parts that need another runtime, failure isolation, regulated parts, and a codebase too
tangled to change. The size of the organisation scales each problem; it is never a reason
of its own, so forty teams without a problem have no case. Against the case stand the
premium of a distributed system and the things that make it dearer.

Each factor is a pure function of one answer set (`Values`, every answer known) and the
facts about its domains, giving a raw weight; a second function explains the weight in
words that name the answer. Weights are divided by `NORM`, the widest possible swing,
computed from the factors' declared bounds, so the score lies in [-1, 1] without
clamping. The weight functions are what the engine evaluates thousands of times per
recommendation, so they are plain arithmetic on dict lookups.
"""

from decider.engine.factors import costs, problems, situation
from decider.engine.factors.base import Definition, DomainFacts, Factor, Values, factor
from decider.engine.factors.problems import CONTENTION
from decider.engine.factors.situation import (
    SERVICES_PER_TEAM,
    oversized_fleet,
    services_per_team,
)
from decider.engine.factors.size import (
    GROWTH_MULTIPLIER,
    effective_teams,
    is_existing_monolith,
    org_scale,
    technical_scale,
)

DEFINITIONS: tuple[Definition, ...] = (
    problems.deploy_contention,
    problems.scaling,
    problems.tech_diversity,
    problems.failure_isolation,
    problems.regulated_parts,
    problems.monolith_pain,
    costs.teams,
    costs.developers,
    costs.existing_system,
    costs.domain_clarity,
    costs.ops,
    costs.platform_team,
    costs.distributed_experience,
    costs.consistency,
    costs.domains,
    costs.cost_sensitivity,
    situation.deploy_frequency,
    situation.module_boundaries,
    situation.platform_change,
    situation.delivery,
    situation.time_to_market,
    situation.services_today,
    situation.practices,
    situation.motive,
    situation.org,
    situation.codebase_kloc,
)

MAX_POSITIVE = sum(d.bounds[1] for d in DEFINITIONS)
MAX_NEGATIVE = -sum(d.bounds[0] for d in DEFINITIONS)
NORM = max(MAX_POSITIVE, MAX_NEGATIVE)
WEIGHTS = tuple(d.weight for d in DEFINITIONS)

__all__ = [
    "CONTENTION",
    "DEFINITIONS",
    "GROWTH_MULTIPLIER",
    "NORM",
    "SERVICES_PER_TEAM",
    "WEIGHTS",
    "Definition",
    "DomainFacts",
    "Factor",
    "Values",
    "effective_teams",
    "factor",
    "is_existing_monolith",
    "org_scale",
    "oversized_fleet",
    "services_per_team",
    "technical_scale",
]
