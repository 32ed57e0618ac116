"""Where the system and the organisation stand today: how they deploy, whether modularity
was tried, a forced port, who runs the software, the pressure to ship, the fleet of
services, service practices, the motive, the traits that tie releases together, and the
codebase's size."""

from decider.engine import choices as c
from decider.engine.factors.base import DomainFacts, Values, factor
from decider.engine.factors.problems import CONTENTION, contention_weight, deploy_contention
from decider.engine.factors.size import effective_teams, is_existing_monolith
from decider.engine.sources import Source

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
    return -DEPLOY_RELIEF.get(frequency, 0.0) * contention_weight(v, d)


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


def oversized_fleet(v: Values) -> bool:
    """Far more services today than teams to run them: the consolidation signal."""
    ratio = services_per_team(v)
    return ratio is not None and ratio > SERVICES_PER_TEAM


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
