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

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from decider.engine import choices as c
from decider.engine.sources import Source

Values = Mapping[str, Any]


@dataclass(frozen=True)
class DomainFacts:
    """What the domains say, computed once per recommendation (neighbours share them)."""

    count: int
    names: tuple[str, ...]
    sync_edges: int
    cyclic: bool


@dataclass(frozen=True)
class Definition:
    name: str
    label: str  # what a chart calls it
    source: Source
    weight: Callable[[Values, DomainFacts], float]
    explain: Callable[[Values, DomainFacts, float], str]
    bounds: tuple[float, float]  # the lowest and highest raw weight it can give


@dataclass(frozen=True)
class Factor:
    """A factor as the result shows it: its share of the score, explained."""

    factor: str
    contribution: float
    explanation: str
    source: Source
    label: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "factor": self.factor,
            "label": self.label,
            "contribution": round(self.contribution, 4) + 0.0,
            "explanation": self.explanation,
            "source": str(self.source),
        }


# Size: the organisation scales each problem (Team Topologies: teams of 7 to 9 people).
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


def factor(name: str, label: str, source: Source, bounds: tuple[float, float]):
    """Declare a factor: `@factor(name, label, source, bounds)(weight)` decorates the
    function that explains the weight, and the result is the factor's `Definition`."""

    def register(weight: Callable[[Values, DomainFacts], float]):
        def attach(explain: Callable[[Values, DomainFacts, float], str]) -> Definition:
            return Definition(name, label, source, weight, explain, bounds)

        return attach

    return register


# --- The problems microservices solve -------------------------------------------------

CONTENTION = {
    c.Contention.NEVER: 0.0,
    c.Contention.RARELY: 0.15,
    c.Contention.OFTEN: 0.6,
    c.Contention.CONSTANTLY: 1.0,
}
CONTENTION_WEIGHT = 0.50


def _contention(v: Values, d: DomainFacts) -> float:
    teams = effective_teams(v) * GROWTH_MULTIPLIER[v["growth"]]
    return CONTENTION_WEIGHT * CONTENTION[v["deploy_contention"]] * org_scale(teams)


@factor(
    "deploy_contention",
    "Releases waiting on other teams",
    Source.ACCELERATE,
    (0.0, CONTENTION_WEIGHT * max(CONTENTION.values())),
)(_contention)
def deploy_contention(v: Values, d: DomainFacts, w: float) -> str:
    level = v["deploy_contention"]
    teams = effective_teams(v)
    if level == c.Contention.NEVER:
        return "Releases never wait on another team: independent deployment would buy nothing."
    if teams <= 1:
        return f"Releases wait ({level}), but with one team that is not a team boundary problem."
    grown = " and growing" if v["growth"] in (c.Growth.GROWING, c.Growth.RAPID) else ""
    return (
        f"Releases {level} wait on another team's, across {teams:g} teams{grown}: "
        "independent deployment would remove that wait."
    )


SCALING = {c.Scaling.UNIFORM: 0.0, c.Scaling.MODERATE: 0.25, c.Scaling.DIVERGENT: 1.0}
RUNTIME = {
    c.TechDiversity.NONE: 0.0,
    c.TechDiversity.NICE_TO_HAVE: 0.1,
    c.TechDiversity.REQUIRED: 1.0,
}
ISOLATION = {None: 0.0, c.Isolation.NONE: 0.0, c.Isolation.SOME: 0.4, c.Isolation.CRITICAL: 1.0}
REGULATION = {None: 0.0, c.Regulation.NONE: 0.0, c.Regulation.SOME: 1.0}
SCALING_WEIGHT = RUNTIME_WEIGHT = 0.32
ISOLATION_WEIGHT = 0.24
REGULATION_WEIGHT = 0.14


@factor(
    "scaling",
    "Parts that scale differently",
    Source.RICHARDSON_DARK_ENERGY,
    (0.0, SCALING_WEIGHT),
)(lambda v, d: SCALING_WEIGHT * SCALING[v["scaling"]] * technical_scale(v))
def scaling(v: Values, d: DomainFacts, w: float) -> str:
    return {
        c.Scaling.UNIFORM: "The parts scale alike; a monolith scales horizontally just as well.",
        c.Scaling.MODERATE: "Scaling needs differ somewhat: weak evidence on its own.",
        c.Scaling.DIVERGENT: "Parts must scale very differently: those parts are worth extracting.",
    }[v["scaling"]]


@factor(
    "tech_diversity",
    "Parts that need another runtime",
    Source.RICHARDSON_DARK_ENERGY,
    (0.0, RUNTIME_WEIGHT),
)(lambda v, d: RUNTIME_WEIGHT * RUNTIME[v["tech_diversity"]] * technical_scale(v))
def tech_diversity(v: Values, d: DomainFacts, w: float) -> str:
    return {
        c.TechDiversity.NONE: "One language and runtime serve every part.",
        c.TechDiversity.NICE_TO_HAVE: "Other languages would be nice, not needed: little weight.",
        c.TechDiversity.REQUIRED: "Some parts genuinely need another language or runtime.",
    }[v["tech_diversity"]]


@factor(
    "failure_isolation",
    "Parts that need failure isolation",
    Source.RICHARDSON_DARK_ENERGY,
    (0.0, ISOLATION_WEIGHT),
)(lambda v, d: ISOLATION_WEIGHT * ISOLATION[v["failure_isolation"]] * technical_scale(v))
def failure_isolation(v: Values, d: DomainFacts, w: float) -> str:
    return {
        None: "Not answered: no part is known to need its own availability.",
        c.Isolation.NONE: "No part needs failure isolation or an availability of its own.",
        c.Isolation.SOME: "Some parts would benefit from failing apart from the rest.",
        c.Isolation.CRITICAL: (
            "Some parts must stay up when others fail: a process boundary isolates them."
        ),
    }[v["failure_isolation"]]


@factor(
    "regulated_parts",
    "Regulated parts",
    Source.TEAM_TOPOLOGIES,
    (0.0, REGULATION_WEIGHT),
)(lambda v, d: REGULATION_WEIGHT * REGULATION[v["regulated_parts"]] * technical_scale(v))
def regulated_parts(v: Values, d: DomainFacts, w: float) -> str:
    if v["regulated_parts"] == c.Regulation.SOME:
        return "Some parts are regulated: a hard boundary narrows audits (a fracture plane)."
    return "No regulated part asks for a boundary of its own."


PAIN = (0.0, 0.0, 0.2, 0.45, 0.75, 1.0)
PAIN_WEIGHT = 0.30


def _pain(v: Values, d: DomainFacts) -> float:
    if v["existing_system"] != c.ExistingSystem.MONOLITH:
        return 0.0  # a new product has no codebase to hurt; services hurt differently
    return PAIN_WEIGHT * PAIN[v["monolith_pain"]] * technical_scale(v)


@factor("monolith_pain", "A tangled codebase", Source.NEWMAN, (0.0, PAIN_WEIGHT))(_pain)
def monolith_pain(v: Values, d: DomainFacts, w: float) -> str:
    pain = v["monolith_pain"]
    if v["existing_system"] != c.ExistingSystem.MONOLITH:
        return f"Codebase pain {pain}/5 weighs only against an existing monolith."
    if pain >= 4:
        return f"Codebase pain {pain}/5: too tangled to change safely."
    if pain >= 2:
        return f"Codebase pain {pain}/5: it hurts, but modularising may be enough."
    return f"Codebase pain {pain}/5: the codebase is not the problem."


# --- What the split costs, and what makes it dearer or cheaper --------------------------

SMALL_ORG = ((1, -0.30), (2, -0.16), (3, -0.08), (5, -0.03))


def _teams(v: Values, d: DomainFacts) -> float:
    teams = effective_teams(v)
    return next((weight for limit, weight in SMALL_ORG if teams <= limit), 0.0)


@factor("teams", "Teams to run the services", Source.TEAM_TOPOLOGIES, (SMALL_ORG[0][1], 0.0))(
    _teams
)
def teams(v: Values, d: DomainFacts, w: float) -> str:
    n = effective_teams(v)
    told = v["teams"]
    size = f"{told} teams" if abs(n - told) < 0.5 else f"{told} teams (about {n:.0f} by headcount)"
    if w <= SMALL_ORG[0][1]:
        return f"{size}: one team can hold the whole system and ship it as one deployable."
    if w < 0:
        return f"{size}: few hands to run many services; each service needs an owner."
    return f"{size}: enough to own services, which alone is no reason to split."


@factor("developers", "Engineers in all", Source.TEAM_TOPOLOGIES, (-0.08, 0.0))(
    lambda v, d: -0.08 if v["developers"] is not None and v["developers"] < 10 else 0.0
)
def developers(v: Values, d: DomainFacts, w: float) -> str:
    n = v["developers"]
    if n is None:
        return "The number of engineers was not given."
    if n < 10:
        return f"{n} engineers in all: one team's worth."
    return f"{n:,} engineers in all, about {n / 8:.0f} teams' worth: it checks the team count."


EXISTING = {
    c.ExistingSystem.NONE: -0.08,
    c.ExistingSystem.MONOLITH: 0.0,
    c.ExistingSystem.MICROSERVICES: 0.0,
}


@factor(
    "existing_system",
    "What exists today",
    Source.FOWLER_MONOLITH_FIRST,
    (min(EXISTING.values()), max(EXISTING.values())),
)(lambda v, d: EXISTING[v["existing_system"]])
def existing_system(v: Values, d: DomainFacts, w: float) -> str:
    return {
        c.ExistingSystem.NONE: "A new product: start with one deployable and learn the boundaries.",
        c.ExistingSystem.MONOLITH: "An existing monolith: split it incrementally, never in one go.",
        c.ExistingSystem.MICROSERVICES: "Services already run in production.",
    }[v["existing_system"]]


CLARITY = {
    c.DomainClarity.UNCLEAR: -0.22,
    c.DomainClarity.PARTIAL: -0.06,
    c.DomainClarity.CLEAR: 0.0,
}


@factor(
    "domain_clarity",
    "Known domain boundaries",
    Source.FOWLER_MONOLITH_FIRST,
    (min(CLARITY.values()), max(CLARITY.values())),
)(lambda v, d: CLARITY[v["domain_clarity"]])
def domain_clarity(v: Values, d: DomainFacts, w: float) -> str:
    return {
        c.DomainClarity.UNCLEAR: "Domain boundaries are unclear: wrong cuts are costly to undo.",
        c.DomainClarity.PARTIAL: "Domain boundaries are partly known: some cuts would be guesses.",
        c.DomainClarity.CLEAR: "Domain boundaries are clear and stable, so services can follow.",
    }[v["domain_clarity"]]


OP_WEIGHTS: dict[c.Op, float] = {
    c.Op.CI_CD: 0.06,
    c.Op.OBSERVABILITY: 0.05,
    c.Op.CONTAINERS: 0.04,
    c.Op.ORCHESTRATION: 0.03,
    c.Op.TRACING: 0.03,
    c.Op.CENTRAL_LOGGING: 0.02,
    c.Op.SERVICE_DISCOVERY: 0.02,
    c.Op.ON_CALL: 0.02,
    c.Op.SECRETS: 0.01,
}
# Enablers only take away costs: with every capability in place they weigh nothing, so
# readiness alone never makes a case for splitting (no problem, no case).
OPS_BASELINE = -sum(OP_WEIGHTS.values())
PLATFORM_TEAM = {None: 0.0, c.PlatformTeam.NONE: -0.04, c.PlatformTeam.SMALL: -0.02}
PLATFORM_TEAM[c.PlatformTeam.DEDICATED] = 0.0


def _ops(v: Values, d: DomainFacts) -> float:
    return OPS_BASELINE + sum(OP_WEIGHTS[op] for op in v["ops"])


@factor(
    "ops",
    "Operations tooling",
    Source.FOWLER_PREREQUISITES,
    (OPS_BASELINE, OPS_BASELINE + sum(OP_WEIGHTS.values())),
)(_ops)
def ops(v: Values, d: DomainFacts, w: float) -> str:
    missing = [c.LABELS[op] for op in c.Op if op not in v["ops"]]
    if not missing:
        return "Every operations capability is in place to run many services."
    if not v["ops"]:
        return "No operations tooling yet: each service would add manual work."
    listed = ", ".join(missing)
    return f"{len(v['ops'])} of {len(c.Op)} operations capabilities in place; missing: {listed}."


@factor(
    "platform_team",
    "A platform team",
    Source.TEAM_TOPOLOGIES,
    (min(PLATFORM_TEAM.values()), 0.0),
)(lambda v, d: PLATFORM_TEAM[v["platform_team"]])
def platform_team(v: Values, d: DomainFacts, w: float) -> str:
    return {
        None: "Not answered: whether a platform team exists.",
        c.PlatformTeam.NONE: "No platform team: each team would run its own services' platform.",
        c.PlatformTeam.SMALL: "A small platform team carries part of the operating load.",
        c.PlatformTeam.DEDICATED: "A dedicated platform team lowers each team's operating load.",
    }[v["platform_team"]]


# The premium every split pays (network failures, distributed data, more to run), lowered
# but never removed by experience.
EXPERIENCE = {c.Experience.NONE: -0.20, c.Experience.SOME: -0.10, c.Experience.STRONG: -0.04}


@factor(
    "distributed_experience",
    "The microservice premium",
    Source.FOWLER_PREMIUM,
    (min(EXPERIENCE.values()), max(EXPERIENCE.values())),
)(lambda v, d: EXPERIENCE[v["distributed_experience"]])
def distributed_experience(v: Values, d: DomainFacts, w: float) -> str:
    return {
        c.Experience.NONE: (
            "No experience running distributed systems: every split pays the full premium, "
            "and failures become business logic."
        ),
        c.Experience.SOME: "Some experience running distributed systems: the premium is real.",
        c.Experience.STRONG: "Strong distributed-systems experience lowers, not removes, the premium.",
    }[v["distributed_experience"]]


CONSISTENCY = {
    c.Consistency.RELAXED: 0.0,
    c.Consistency.MIXED: -0.06,
    c.Consistency.STRICT: -0.26,
}


@factor(
    "consistency",
    "Transactions across domains",
    Source.RICHARDSON_DARK_MATTER,
    (min(CONSISTENCY.values()), max(CONSISTENCY.values())),
)(lambda v, d: CONSISTENCY[v["consistency"]])
def consistency(v: Values, d: DomainFacts, w: float) -> str:
    return {
        c.Consistency.RELAXED: "Eventual consistency across domains is acceptable.",
        c.Consistency.MIXED: "Some operations need transactions across domains: sagas there.",
        c.Consistency.STRICT: "Most operations need all-or-nothing transactions across domains.",
    }[v["consistency"]]


ONE_DOMAIN = -0.12
CHATTY_MAX = 0.15


def _domains(v: Values, d: DomainFacts) -> float:
    if d.count == 1:
        return ONE_DOMAIN
    return -min(CHATTY_MAX, 0.08 * d.sync_edges / d.count + (0.05 if d.cyclic else 0.0))


@factor(
    "domains",
    "Calls between domains",
    Source.RICHARDSON_DARK_MATTER,
    (min(ONE_DOMAIN, -CHATTY_MAX), 0.0),
)(_domains)
def domains(v: Values, d: DomainFacts, w: float) -> str:
    if d.count == 1:
        return f"One domain ({d.names[0]}): there is nothing to split along."
    names = ", ".join(d.names)
    if d.sync_edges == 0:
        return f"{d.count} domains ({names}) with no synchronous calls between them."
    cycle = " including a cycle" if d.cyclic else ""
    return (
        f"{d.sync_edges} synchronous dependencies between {d.count} domains{cycle}: "
        "chatty workflows across services cost latency and availability."
    )


COST = {None: 0.0, c.CostSensitivity.LOW: 0.0, c.CostSensitivity.MEDIUM: -0.02}
COST[c.CostSensitivity.HIGH] = -0.10


@factor("cost_sensitivity", "Running cost", Source.FOWLER_PREMIUM, (min(COST.values()), 0.0))(
    lambda v, d: COST[v["cost_sensitivity"]]
)
def cost_sensitivity(v: Values, d: DomainFacts, w: float) -> str:
    return {
        None: "Not answered: how much running cost matters.",
        c.CostSensitivity.LOW: "Running cost matters little.",
        c.CostSensitivity.MEDIUM: "Running cost matters somewhat.",
        c.CostSensitivity.HIGH: "Running cost matters a lot: every service adds its own.",
    }[v["cost_sensitivity"]]


# A system that already deploys daily or many times a day has, in Accelerate's terms, the
# delivery that splitting for release independence aims at: that share of the waiting
# case is discounted. A slow cadence is a small problem of its own.
DEPLOY_RELIEF = {c.DeployFrequency.DAILY: 0.25, c.DeployFrequency.ON_DEMAND: 0.5}
SLOW_DEPLOYS = 0.02


def _deploy_frequency(v: Values, d: DomainFacts) -> float:
    frequency = v["deploy_frequency"]
    if frequency is None or v["existing_system"] == c.ExistingSystem.NONE:
        return 0.0
    if frequency == c.DeployFrequency.MONTHLY:
        return SLOW_DEPLOYS
    return -DEPLOY_RELIEF.get(frequency, 0.0) * _contention(v, d)


@factor(
    "deploy_frequency",
    "How often it deploys today",
    Source.ACCELERATE,
    (-max(DEPLOY_RELIEF.values()) * deploy_contention.bounds[1], SLOW_DEPLOYS),
)(_deploy_frequency)
def deploy_frequency(v: Values, d: DomainFacts, w: float) -> str:
    frequency = v["deploy_frequency"]
    if frequency is None:
        return "Not answered: how often the current system deploys."
    if v["existing_system"] == c.ExistingSystem.NONE:
        return "A new product has no deployment record yet."
    return {
        c.DeployFrequency.MONTHLY: "It deploys monthly or less: delivery is slow today.",
        c.DeployFrequency.WEEKLY: "It deploys weekly.",
        c.DeployFrequency.DAILY: (
            "It deploys daily: a quarter of the case from waiting releases is already met."
        ),
        c.DeployFrequency.ON_DEMAND: (
            "It deploys many times a day: half of the case from waiting releases is already met."
        ),
    }[frequency]


MODULES_UNTRIED = -0.04
MODULES_PERSIST = 0.10  # enforced boundaries and releases still wait: the cheap fix is spent


def _module_boundaries(v: Values, d: DomainFacts) -> float:
    boundaries = v["module_boundaries"]
    if not is_existing_monolith(v) or boundaries in (None, c.ModuleBoundaries.INFORMAL):
        return 0.0
    if boundaries == c.ModuleBoundaries.NONE:
        return MODULES_UNTRIED
    waiting = CONTENTION[v["deploy_contention"]]
    return MODULES_PERSIST * waiting + MODULES_UNTRIED * (1 - waiting)


@factor(
    "module_boundaries",
    "Modularity already tried",
    Source.NEWMAN,
    (MODULES_UNTRIED, MODULES_PERSIST),
)(_module_boundaries)
def module_boundaries(v: Values, d: DomainFacts, w: float) -> str:
    boundaries = v["module_boundaries"]
    if boundaries is None or not is_existing_monolith(v):
        return "Not answered, or no monolith to modularise."
    if boundaries == c.ModuleBoundaries.NONE:
        return "Module boundaries were never enforced: the cheaper fix has not been tried."
    if boundaries == c.ModuleBoundaries.INFORMAL:
        return "Module boundaries are informal conventions."
    if w > 0:
        return "Boundaries are enforced and releases still wait: modularity alone did not do it."
    return "Boundaries are enforced and releases seldom wait: the modular monolith works."


@factor("platform_change", "A forced platform change", Source.NEWMAN, (0.0, 0.08))(
    lambda v, d: (
        0.08
        if v["platform_change"] == c.PlatformChange.FORCED
        and v["existing_system"] != c.ExistingSystem.NONE
        else 0.0
    )
)
def platform_change(v: Values, d: DomainFacts, w: float) -> str:
    if w > 0:
        return "A port is forced anyway (end of life): moving parts out costs less than usual."
    return "No platform change is forced."


@factor("delivery", "Who runs it", Source.FOWLER_PREMIUM, (-0.16, 0.0))(
    lambda v, d: -0.16 if v["delivery"] == c.Delivery.SHIPPED else 0.0
)
def delivery(v: Values, d: DomainFacts, w: float) -> str:
    if w < 0:
        return "Customers install and run it: every service is one more thing they operate."
    return "It is run by its makers, or not answered."


@factor("time_to_market", "Pressure to ship now", Source.FOWLER_MONOLITH_FIRST, (-0.06, 0.0))(
    lambda v, d: -0.06 if v["time_to_market"] == c.TimeToMarket.HIGH else 0.0
)
def time_to_market(v: Values, d: DomainFacts, w: float) -> str:
    if w < 0:
        return "Features must ship now: a re-architecture would compete with them."
    return "No unusual pressure to ship features now, or not answered."


SERVICES_PER_TEAM = 3  # more than this per team is the consolidation signal (FACTORS.md)
OVERSIZED_FLEET = -0.20


def services_per_team(v: Values) -> float | None:
    if v["services_today"] is None:
        return None
    return v["services_today"] / effective_teams(v)


def _services_today(v: Values, d: DomainFacts) -> float:
    ratio = services_per_team(v)
    if ratio is None or ratio <= SERVICES_PER_TEAM:
        return 0.0
    return OVERSIZED_FLEET * min(1.0, (ratio - SERVICES_PER_TEAM) / 4)


@factor(
    "services_today",
    "Services per team today",
    Source.RICHARDSON_ANTI_PATTERNS,
    (OVERSIZED_FLEET, 0.0),
)(_services_today)
def services_today(v: Values, d: DomainFacts, w: float) -> str:
    ratio = services_per_team(v)
    if ratio is None:
        return "The number of services running today was not given."
    n = v["services_today"]
    if ratio <= SERVICES_PER_TEAM:
        return f"{n} services today, {ratio:.1f} per team: a size teams can own."
    return (
        f"{n} services today, {ratio:.1f} per team: far more than teams can own; "
        "consolidate into fewer, larger services."
    )


@factor("practices", "Service practices", Source.RICHARDSON_ANTI_PATTERNS, (-0.05, 0.0))(
    lambda v, d: (
        -0.02 * (c.Practice.API_VERSIONING not in v["practices"])
        - 0.03 * (c.Practice.SERVICE_TEMPLATE not in v["practices"])
    )
)
def practices(v: Values, d: DomainFacts, w: float) -> str:
    if v["practices"]:
        return (
            "In place: " + ", ".join(c.LABELS[p] for p in c.Practice if p in v["practices"]) + "."
        )
    return "No API versioning or service template yet."


TREND = -0.22


@factor("motive", "Why services at all", Source.RADAR, (TREND, 0.0))(
    lambda v, d: TREND if c.OrgTrait.TREND_DRIVEN in v["org"] else 0.0
)
def motive(v: Values, d: DomainFacts, w: float) -> str:
    if w < 0:
        return "The push comes from the trend, not from a problem microservices solve."
    return "The push is not said to come from the trend."


# Traits that make services ship together anyway, or carry coupling into them.
ORG_TRAITS: dict[c.OrgTrait, float] = {
    c.OrgTrait.LOCKSTEP_DEPLOYS: -0.05,
    c.OrgTrait.RELEASE_TRAIN: -0.04,
    c.OrgTrait.MANUAL_QA: -0.03,
    c.OrgTrait.SEPARATE_OPS_TEAM: -0.04,
    c.OrgTrait.SHARED_DOMAIN_LIBRARY: -0.04,
    c.OrgTrait.PER_TEAM_ADOPTION: -0.03,
}


@factor("org", "How the organisation ships", Source.TAIBI, (sum(ORG_TRAITS.values()), 0.0))(
    lambda v, d: sum(w for trait, w in ORG_TRAITS.items() if trait in v["org"])
)
def org(v: Values, d: DomainFacts, w: float) -> str:
    traits = [c.LABELS[t] for t in ORG_TRAITS if t in v["org"]]
    if not traits:
        return "No organisational trait ties releases together."
    return "Services would inherit today's coupling: " + "; ".join(traits) + "."


KLOC = ((20, -0.06), (500, 0.0))


def _kloc(v: Values, d: DomainFacts) -> float:
    k = v["codebase_kloc"]
    if k is None or v["existing_system"] == c.ExistingSystem.NONE:
        return 0.0
    return next((w for limit, w in KLOC if k < limit), 0.06)


@factor("codebase_kloc", "Codebase size", Source.RICHARDSON_DARK_ENERGY, (-0.06, 0.06))(_kloc)
def codebase_kloc(v: Values, d: DomainFacts, w: float) -> str:
    k = v["codebase_kloc"]
    if k is None or v["existing_system"] == c.ExistingSystem.NONE:
        return "No codebase size given for an existing system."
    size = f"{k:,} thousand lines"
    if w < 0:
        return f"{size}: small enough for people to hold in their heads."
    if w > 0:
        return f"{size}: too large for anyone to hold in their head."
    return f"{size}: a mid-sized codebase."


DEFINITIONS: tuple[Definition, ...] = (
    deploy_contention,
    scaling,
    tech_diversity,
    failure_isolation,
    regulated_parts,
    monolith_pain,
    teams,
    developers,
    existing_system,
    domain_clarity,
    ops,
    platform_team,
    distributed_experience,
    consistency,
    domains,
    cost_sensitivity,
    deploy_frequency,
    module_boundaries,
    platform_change,
    delivery,
    time_to_market,
    services_today,
    practices,
    motive,
    org,
    codebase_kloc,
)

MAX_POSITIVE = sum(d.bounds[1] for d in DEFINITIONS)
MAX_NEGATIVE = -sum(d.bounds[0] for d in DEFINITIONS)
NORM = max(MAX_POSITIVE, MAX_NEGATIVE)
WEIGHTS = tuple(d.weight for d in DEFINITIONS)
