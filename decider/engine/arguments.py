"""The pros and cons of each option, as sentences drawn from the answers.

One row per point: the styles it concerns, whether it speaks for or against them, when it
holds, and what it says. An unknown answer makes no point hold.
"""

from collections.abc import Callable
from dataclasses import dataclass

from decider.engine import choices as c
from decider.engine.factors import DomainFacts, Values, effective_teams, oversized_fleet
from decider.engine.overrides import missing_prerequisites

S = c.Style


@dataclass(frozen=True)
class Point:
    styles: tuple[c.Style, ...]
    pro: bool
    holds: Callable[[Values, DomainFacts], bool]
    says: Callable[[Values, DomainFacts], str]


ONE_DEPLOYABLE = (S.MONOLITH, S.MODULAR_MONOLITH)
SERVICES = (S.MICROSERVICES, S.INCREMENTAL_MIGRATION)


def _waits(v: Values) -> bool:
    return v["deploy_contention"] in (c.Contention.OFTEN, c.Contention.CONSTANTLY)


def _missing(v: Values) -> str:
    if v["unknown_ops"]:
        return ""
    return ", ".join(c.LABELS[op] for op in missing_prerequisites(v))


def _teams(v: Values) -> str:
    return f"{v['teams']} team{'s' if v['teams'] != 1 else ''}"


POINTS: tuple[Point, ...] = (
    Point(
        ONE_DEPLOYABLE,
        True,
        lambda v, d: True,
        lambda v, d: (
            "One deployable: no network between the parts, one pipeline, one thing to run."
        ),
    ),
    Point(
        ONE_DEPLOYABLE,
        True,
        lambda v, d: v["consistency"] == c.Consistency.STRICT,
        lambda v, d: "Transactions across domains stay ACID, as the business needs.",
    ),
    Point(
        ONE_DEPLOYABLE,
        True,
        lambda v, d: bool(_missing(v)),
        lambda v, d: f"Needs none of the platform that is missing ({_missing(v)}).",
    ),
    Point(
        ONE_DEPLOYABLE,
        True,
        lambda v, d: v["domain_clarity"] == c.DomainClarity.UNCLEAR,
        lambda v, d: "Boundaries can move cheaply while the domain is still being learned.",
    ),
    Point(
        ONE_DEPLOYABLE,
        True,
        lambda v, d: v["deploy_frequency"] == c.DeployFrequency.ON_DEMAND,
        lambda v, d: "Keeps a delivery that already deploys many times a day.",
    ),
    Point(
        ONE_DEPLOYABLE,
        True,
        lambda v, d: v["delivery"] == c.Delivery.SHIPPED,
        lambda v, d: "Customers install and run one thing.",
    ),
    Point(
        ONE_DEPLOYABLE,
        True,
        lambda v, d: v["cost_sensitivity"] == c.CostSensitivity.HIGH,
        lambda v, d: "The cheapest shape to run.",
    ),
    Point(
        (S.MONOLITH,),
        True,
        lambda v, d: effective_teams(v) < 1.5,
        lambda v, d: "One team can hold the whole system in its head.",
    ),
    Point(
        (S.MONOLITH,),
        False,
        lambda v, d: effective_teams(v) >= 3,
        lambda v, d: (
            f"{_teams(v)} in one codebase without enforced boundaries will step on each other's code."
        ),
    ),
    Point(
        (S.MONOLITH,),
        False,
        lambda v, d: (
            v["existing_system"] == c.ExistingSystem.MONOLITH and v["monolith_pain"] in (3, 4, 5)
        ),
        lambda v, d: f"The codebase (pain {v['monolith_pain']}/5) stays as tangled as it is.",
    ),
    Point(
        (S.MODULAR_MONOLITH,),
        True,
        lambda v, d: effective_teams(v) >= 2,
        lambda v, d: (
            f"Enforced module boundaries give each of the {_teams(v)} code it owns, without a network in between."
        ),
    ),
    Point(
        (S.MODULAR_MONOLITH,),
        True,
        lambda v, d: (
            v["existing_system"] == c.ExistingSystem.MONOLITH and v["monolith_pain"] in (2, 3, 4, 5)
        ),
        lambda v, d: "Untangles the code first; any later split follows the module boundaries.",
    ),
    Point(
        (S.MODULAR_MONOLITH,),
        True,
        lambda v, d: v["existing_system"] == c.ExistingSystem.MICROSERVICES,
        lambda v, d: (
            "Merging services into modules removes network calls and deployments, not ownership."
        ),
    ),
    Point(
        (S.MODULAR_MONOLITH,),
        False,
        lambda v, d: v["module_boundaries"] == c.ModuleBoundaries.ENFORCED and _waits(v),
        lambda v, d: (
            "Boundaries are already enforced and releases still wait: more of the same may not help."
        ),
    ),
    Point(
        ONE_DEPLOYABLE,
        False,
        lambda v, d: _waits(v) and effective_teams(v) >= 2,
        lambda v, d: (
            f"All parts still release together: releases that {v['deploy_contention']} wait keep waiting unless the pipeline decouples them."
        ),
    ),
    Point(
        ONE_DEPLOYABLE,
        False,
        lambda v, d: v["scaling"] == c.Scaling.DIVERGENT,
        lambda v, d: "Every part scales with the heaviest one: capacity is paid for everywhere.",
    ),
    Point(
        ONE_DEPLOYABLE,
        False,
        lambda v, d: v["tech_diversity"] == c.TechDiversity.REQUIRED,
        lambda v, d: "One runtime for every part, though some need another.",
    ),
    Point(
        ONE_DEPLOYABLE,
        False,
        lambda v, d: v["failure_isolation"] == c.Isolation.CRITICAL,
        lambda v, d: "A failure in one part can take the whole process down.",
    ),
    Point(
        ONE_DEPLOYABLE,
        False,
        lambda v, d: _fleet(v),
        lambda v, d: f"Merging {v['services_today']} services back is a project of its own.",
    ),
    Point(
        SERVICES,
        True,
        lambda v, d: _waits(v) and effective_teams(v) >= 2,
        lambda v, d: (
            f"Each of the {_teams(v)} deploys on its own: releases stop waiting on each other."
        ),
    ),
    Point(
        SERVICES,
        True,
        lambda v, d: v["scaling"] == c.Scaling.DIVERGENT,
        lambda v, d: "Each part scales on its own.",
    ),
    Point(
        SERVICES,
        True,
        lambda v, d: v["tech_diversity"] == c.TechDiversity.REQUIRED,
        lambda v, d: "Each service can use the runtime it needs.",
    ),
    Point(
        SERVICES,
        True,
        lambda v, d: v["failure_isolation"] in (c.Isolation.SOME, c.Isolation.CRITICAL),
        lambda v, d: "A failing service need not take the rest down.",
    ),
    Point(
        SERVICES,
        True,
        lambda v, d: v["regulated_parts"] == c.Regulation.SOME,
        lambda v, d: "The regulated part gets a hard boundary of its own.",
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: True,
        lambda v, d: (
            "Every call between services becomes a network call that can fail, and needs tracing."
        ),
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: v["consistency"] in (c.Consistency.STRICT, c.Consistency.MIXED),
        lambda v, d: (
            f"Transactions across domains ({v['consistency']} consistency) become sagas and reconciliation."
        ),
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: bool(_missing(v)),
        lambda v, d: f"Needs what is missing first: {_missing(v)}.",
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: v["distributed_experience"] == c.Experience.NONE,
        lambda v, d: "Nobody has run a distributed system yet: failures become business logic.",
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: effective_teams(v) < 3,
        lambda v, d: f"{_teams(v)} would own and run several services each.",
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: d.cyclic or d.sync_edges > d.count,
        lambda v, d: "The domains call each other a lot: every workflow would cross the network.",
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: v["cost_sensitivity"] == c.CostSensitivity.HIGH,
        lambda v, d: "Each service adds running cost, and cost matters a lot here.",
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: v["delivery"] == c.Delivery.SHIPPED,
        lambda v, d: "Customers would install and operate every service.",
    ),
    Point(
        SERVICES,
        False,
        lambda v, d: c.OrgTrait.TREND_DRIVEN in v["org"],
        lambda v, d: (
            "The push comes from the trend: the costs would be paid without a problem they solve."
        ),
    ),
    Point(
        (S.MICROSERVICES,),
        False,
        lambda v, d: v["existing_system"] == c.ExistingSystem.MONOLITH,
        lambda v, d: "Getting there from the monolith in one go is a rewrite: the riskiest path.",
    ),
    Point(
        (S.MICROSERVICES,),
        False,
        lambda v, d: (
            v["existing_system"] == c.ExistingSystem.NONE
            and v["domain_clarity"] != c.DomainClarity.CLEAR
        ),
        lambda v, d: "Service boundaries drawn before the domain is known are costly to move.",
    ),
    Point(
        (S.MICROSERVICES,),
        False,
        lambda v, d: _fleet(v),
        lambda v, d: (
            f"{v['services_today']} services for {_teams(v)}: fewer, larger services first."
        ),
    ),
    Point(
        (S.INCREMENTAL_MIGRATION,),
        True,
        lambda v, d: v["existing_system"] == c.ExistingSystem.MONOLITH,
        lambda v, d: "Each step is one slice: small, reversible, measured before and after.",
    ),
    Point(
        (S.INCREMENTAL_MIGRATION,),
        True,
        lambda v, d: v["platform_change"] == c.PlatformChange.FORCED,
        lambda v, d: "The forced platform change moves parts anyway: move them out.",
    ),
    Point(
        (S.INCREMENTAL_MIGRATION,),
        False,
        lambda v, d: v["existing_system"] == c.ExistingSystem.NONE,
        lambda v, d: "There is no monolith to migrate from yet.",
    ),
    Point(
        (S.INCREMENTAL_MIGRATION,),
        False,
        lambda v, d: v["existing_system"] == c.ExistingSystem.MONOLITH,
        lambda v, d: (
            "For a long time the monolith and the new services coexist: two ways of working."
        ),
    ),
)


def _fleet(v: Values) -> bool:
    return oversized_fleet(v)


def points_for(
    style: c.Style, v: Values, d: DomainFacts
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The pros and the cons of `style` for these answers."""
    said = [(p.pro, p.says(v, d)) for p in POINTS if style in p.styles and _holds(p, v, d)]
    return tuple(t for pro, t in said if pro), tuple(t for pro, t in said if not pro)


def _holds(point: Point, v: Values, d: DomainFacts) -> bool:
    try:
        return bool(point.holds(v, d))
    except (TypeError, KeyError):
        return False  # an unknown answer supports no sentence
