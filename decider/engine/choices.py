"""Every enum and limit of the questionnaire, defined once.

The values are the contract strings of the API; the question table (`questions.py`)
turns them into the form, the API schema and the engine's parsing.
"""

from enum import StrEnum

from architectures.model import Load

__all__ = ["Load"]  # a domain's load is its component's load: one enum, in the model

# "Don't know": the value of a choice question, or `null` for a number, or `unknown_ops`.
UNKNOWN = "unknown"


class Contention(StrEnum):
    NEVER = "never"
    RARELY = "rarely"
    OFTEN = "often"
    CONSTANTLY = "constantly"


class Scaling(StrEnum):
    UNIFORM = "uniform"
    MODERATE = "moderate"
    DIVERGENT = "divergent"


class TechDiversity(StrEnum):
    NONE = "none"
    NICE_TO_HAVE = "nice_to_have"
    REQUIRED = "required"


class ExistingSystem(StrEnum):
    NONE = "none"
    MONOLITH = "monolith"
    MICROSERVICES = "microservices"


class Op(StrEnum):
    CI_CD = "ci_cd"
    CONTAINERS = "containers"
    ORCHESTRATION = "orchestration"
    OBSERVABILITY = "observability"
    TRACING = "tracing"
    CENTRAL_LOGGING = "central_logging"
    SERVICE_DISCOVERY = "service_discovery"
    SECRETS = "secrets"
    ON_CALL = "on_call"


class Experience(StrEnum):
    NONE = "none"
    SOME = "some"
    STRONG = "strong"


class Consistency(StrEnum):
    RELAXED = "relaxed"
    MIXED = "mixed"
    STRICT = "strict"


class DomainClarity(StrEnum):
    UNCLEAR = "unclear"
    PARTIAL = "partial"
    CLEAR = "clear"


class Isolation(StrEnum):
    NONE = "none"
    SOME = "some"
    CRITICAL = "critical"


class Regulation(StrEnum):
    NONE = "none"
    SOME = "some"


class CostSensitivity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class DeployFrequency(StrEnum):
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    DAILY = "daily"
    ON_DEMAND = "on_demand"


class ModuleBoundaries(StrEnum):
    NONE = "none"
    INFORMAL = "informal"
    ENFORCED = "enforced"


class PlatformChange(StrEnum):
    NONE = "none"
    FORCED = "forced"


class Delivery(StrEnum):
    HOSTED = "hosted"
    SHIPPED = "shipped"


class Growth(StrEnum):
    STABLE = "stable"
    GROWING = "growing"
    RAPID = "rapid"


class PlatformTeam(StrEnum):
    NONE = "none"
    SMALL = "small"
    DEDICATED = "dedicated"


class TimeToMarket(StrEnum):
    NORMAL = "normal"
    HIGH = "high"


class Practice(StrEnum):
    API_VERSIONING = "api_versioning"
    SERVICE_TEMPLATE = "service_template"


class OrgTrait(StrEnum):
    SEPARATE_OPS_TEAM = "separate_ops_team"
    RELEASE_TRAIN = "release_train"
    MANUAL_QA = "manual_qa"
    SHARED_DOMAIN_LIBRARY = "shared_domain_library"
    PER_TEAM_ADOPTION = "per_team_adoption"
    TREND_DRIVEN = "trend_driven"
    LOCKSTEP_DEPLOYS = "lockstep_deploys"


class Family(StrEnum):
    """The contract's `recommendation.architecture`: which side of the split a style is on."""

    MONOLITH = "monolith"
    MICROSERVICES = "microservices"


class Style(StrEnum):
    MONOLITH = "monolith"
    MODULAR_MONOLITH = "modular_monolith"
    MICROSERVICES = "microservices"
    INCREMENTAL_MIGRATION = "incremental_migration"

    @property
    def family(self) -> Family:
        if self in (Style.MONOLITH, Style.MODULAR_MONOLITH):
            return Family.MONOLITH
        return Family.MICROSERVICES

    @property
    def label(self) -> str:
        return STYLE_LABELS[self]


STYLE_LABELS: dict[Style, str] = {
    Style.MONOLITH: "Monolith",
    Style.MODULAR_MONOLITH: "Modular monolith",
    Style.MICROSERVICES: "Microservices",
    Style.INCREMENTAL_MIGRATION: "Incremental migration",
}


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# Limits of the answer fields (inclusive).
TEAMS_MIN, TEAMS_MAX = 1, 1000
DEVELOPERS_MIN, DEVELOPERS_MAX = 1, 100_000
PAIN_MIN, PAIN_MAX = 0, 5
KLOC_MIN, KLOC_MAX = 0, 100_000
SERVICES_MIN, SERVICES_MAX = 0, 100_000
DOMAIN_NAME_MAX = 40
DOMAIN_NAME_PATTERN = r"^[A-Za-z0-9_\- ]{1,40}$"
TEAM_NAME_MAX = 60
MAX_DOMAINS = 100
DEFAULT_DOMAINS = ("users", "orders", "inventory")

# What Fowler's MicroservicePrerequisites asks for before the first service:
# automated deployment, basic monitoring and rapid provisioning.
PREREQUISITES: tuple[Op, ...] = (Op.CI_CD, Op.OBSERVABILITY, Op.CONTAINERS)

LABELS: dict[str, str] = {
    Op.CI_CD: "automated build and deployment (CI/CD)",
    Op.CONTAINERS: "containers / fast provisioning",
    Op.ORCHESTRATION: "orchestration (e.g. Kubernetes)",
    Op.OBSERVABILITY: "monitoring and alerting",
    Op.TRACING: "distributed tracing",
    Op.CENTRAL_LOGGING: "central log aggregation",
    Op.SERVICE_DISCOVERY: "service discovery",
    Op.SECRETS: "secrets management",
    Op.ON_CALL: "on-call rotation",
    Practice.API_VERSIONING: "we version our APIs",
    Practice.SERVICE_TEMPLATE: "we have a service template (logging, metrics, CI built in)",
    OrgTrait.SEPARATE_OPS_TEAM: "a separate operations team runs production",
    OrgTrait.RELEASE_TRAIN: "releases go out on a fixed release train",
    OrgTrait.MANUAL_QA: "a manual QA phase gates releases",
    OrgTrait.SHARED_DOMAIN_LIBRARY: "teams share a library of business (domain) code",
    OrgTrait.PER_TEAM_ADOPTION: "each team decides on its own whether to adopt services",
    OrgTrait.TREND_DRIVEN: "the push for microservices comes from the trend",
    OrgTrait.LOCKSTEP_DEPLOYS: "several parts must be deployed together",
}
