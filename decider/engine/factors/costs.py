"""What a split costs: the premium, the platform it needs, the size of the organisation
to run it, and the system's shape. Enablers only take costs away."""

from decider.engine import choices as c
from decider.engine.factors.base import DomainFacts, Values, factor
from decider.engine.factors.size import effective_teams
from decider.engine.sources import Source

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
