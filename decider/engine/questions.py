"""The questionnaire, one row per question: the only place a question is declared.

The engine's parsing (`answers.py`), the Django form (`decider/forms.py`) and the API
schema (`decider/api/schemas.py`) are all generated from `QUESTIONS`. Adding a question
means a row here, its factor in `factors.py`, and a test.
"""

from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any

from decider.engine import choices as c


class Kind(Enum):
    NUMBER = "number"
    CHOICE = "choice"
    SET = "set"


class Section(StrEnum):
    TEAMS = "Teams and delivery"
    SYSTEM = "The system"
    OPERATIONS = "Operations and experience"
    CONTEXT = "The business around it"


@dataclass(frozen=True)
class Question:
    name: str
    label: str
    kind: Kind
    section: Section
    help: str = ""
    # CHOICE and SET: the enum of values and the words shown for each (default: the value).
    values: type[StrEnum] | None = None
    labels: dict[str, str] = field(default_factory=dict)
    bounds: tuple[int, int] | None = None  # NUMBER: inclusive limits
    required: bool = False
    default: Any = None  # the value when the field is omitted (None: not answered)
    unknown: bool = True  # "don't know" is accepted
    core: bool = True  # shown at once; the others sit under "more detail"
    initial: Any = None  # what the form starts with

    @property
    def unknown_flag(self) -> str | None:
        """SET questions say "don't know" with a boolean beside the list: `unknown_ops`."""
        return f"unknown_{self.name}" if self.kind is Kind.SET and self.unknown else None

    def choice_label(self, value: str) -> str:
        return self.labels.get(value, str(value).replace("_", " ").capitalize())


def _labels(enum: type[StrEnum]) -> dict[str, str]:
    return {str(v): c.LABELS[v] for v in enum}


QUESTIONS: tuple[Question, ...] = (
    Question(
        "teams",
        "How many teams build and run the product?",
        Kind.NUMBER,
        Section.TEAMS,
        help="Count teams of about 5 to 9 people that own parts of the product.",
        bounds=(c.TEAMS_MIN, c.TEAMS_MAX),
        required=True,
        unknown=False,
        initial=3,
    ),
    Question(
        "developers",
        "How many engineers in all?",
        Kind.NUMBER,
        Section.TEAMS,
        help="Used to sanity-check the team count.",
        bounds=(c.DEVELOPERS_MIN, c.DEVELOPERS_MAX),
    ),
    Question(
        "deploy_contention",
        "How often does one team's release wait on another team's?",
        Kind.CHOICE,
        Section.TEAMS,
        help="Blocked releases are the strongest reason to deploy parts independently.",
        values=c.Contention,
        labels={
            "never": "Never",
            "rarely": "Rarely",
            "often": "Often (weekly)",
            "constantly": "Constantly (daily)",
        },
        required=True,
        initial="rarely",
    ),
    Question(
        "existing_system",
        "What exists today?",
        Kind.CHOICE,
        Section.SYSTEM,
        help="An existing monolith is never rewritten in one go.",
        values=c.ExistingSystem,
        labels={
            "none": "Nothing yet: a new product",
            "monolith": "A monolith",
            "microservices": "Microservices",
        },
        default=c.ExistingSystem.NONE,
        initial="none",
    ),
    Question(
        "monolith_pain",
        "How much does the current codebase hurt?",
        Kind.NUMBER,
        Section.SYSTEM,
        help="Slow builds, changes that break far-away parts, nobody understands the whole.",
        bounds=(c.PAIN_MIN, c.PAIN_MAX),
        labels={
            "0": "0: no pain",
            "2": "2: some friction",
            "4": "4: slow and risky to change",
            "5": "5: too tangled to change safely",
        },
        required=True,
        initial=1,
    ),
    Question(
        "scaling",
        "How differently must the parts of the system scale?",
        Kind.CHOICE,
        Section.SYSTEM,
        help="A monolith scales horizontally fine; only very different needs favour splitting.",
        values=c.Scaling,
        labels={
            "uniform": "Uniform: everything scales alike",
            "moderate": "Moderate differences",
            "divergent": "Divergent: some parts need far more capacity",
        },
        required=True,
        initial="uniform",
    ),
    Question(
        "tech_diversity",
        "Do parts need other languages or runtimes?",
        Kind.CHOICE,
        Section.SYSTEM,
        help="For example a machine-learning part in Python beside a JVM core.",
        values=c.TechDiversity,
        labels={
            "none": "None: one stack serves all",
            "nice_to_have": "Nice to have",
            "required": "Required for some parts",
        },
        required=True,
        initial="none",
    ),
    Question(
        "consistency",
        "How much does the business need transactions across domains?",
        Kind.CHOICE,
        Section.SYSTEM,
        values=c.Consistency,
        labels={
            "relaxed": "Relaxed: eventual consistency is fine",
            "mixed": "Mixed",
            "strict": "Strict: most operations are all-or-nothing across domains",
        },
        default=c.Consistency.MIXED,
        initial="mixed",
    ),
    Question(
        "domain_clarity",
        "How well are the business-domain boundaries known?",
        Kind.CHOICE,
        Section.SYSTEM,
        values=c.DomainClarity,
        labels={
            "unclear": "Unclear: still discovering",
            "partial": "Partly known",
            "clear": "Clear and stable",
        },
        default=c.DomainClarity.PARTIAL,
        initial="partial",
    ),
    Question(
        "ops",
        "Which operations capabilities are in place?",
        Kind.SET,
        Section.OPERATIONS,
        help="CI/CD, monitoring and fast provisioning are prerequisites for microservices.",
        values=c.Op,
        labels=_labels(c.Op),
        default=frozenset(),
    ),
    Question(
        "distributed_experience",
        "Experience running distributed systems",
        Kind.CHOICE,
        Section.OPERATIONS,
        values=c.Experience,
        labels={"none": "None", "some": "Some", "strong": "Strong"},
        default=c.Experience.SOME,
        initial="some",
    ),
    Question(
        "codebase_kloc",
        "Size of the current codebase, in thousands of lines",
        Kind.NUMBER,
        Section.SYSTEM,
        bounds=(c.KLOC_MIN, c.KLOC_MAX),
        core=False,
    ),
    Question(
        "services_today",
        "How many services run in production today?",
        Kind.NUMBER,
        Section.SYSTEM,
        help="Far more services than teams is a reason to consolidate.",
        bounds=(c.SERVICES_MIN, c.SERVICES_MAX),
        core=False,
    ),
    Question(
        "deploy_frequency",
        "How often does the current system deploy to production?",
        Kind.CHOICE,
        Section.TEAMS,
        help="A system that already deploys many times a day has little to gain from splitting.",
        values=c.DeployFrequency,
        labels={
            "monthly": "Monthly or less",
            "weekly": "Weekly",
            "daily": "Daily",
            "on_demand": "Many times a day",
        },
        core=False,
    ),
    Question(
        "module_boundaries",
        "Are module boundaries inside the codebase enforced?",
        Kind.CHOICE,
        Section.SYSTEM,
        help="Enforced: checked by a tool such as packwerk, import-linter or ArchUnit.",
        values=c.ModuleBoundaries,
        labels={
            "none": "No boundaries",
            "informal": "Informal conventions",
            "enforced": "Enforced by tooling",
        },
        core=False,
    ),
    Question(
        "failure_isolation",
        "Do some parts need failure isolation or a different availability?",
        Kind.CHOICE,
        Section.SYSTEM,
        help="For example payments that must stay up when reporting falls over.",
        values=c.Isolation,
        labels={
            "none": "No",
            "some": "Some parts would benefit",
            "critical": "Critical for some parts",
        },
        core=False,
    ),
    Question(
        "regulated_parts",
        "Are some parts under regulation (payments, health data)?",
        Kind.CHOICE,
        Section.CONTEXT,
        help="A hard boundary around a regulated part narrows audits and access.",
        values=c.Regulation,
        labels={"none": "No", "some": "Yes, some parts"},
        core=False,
    ),
    Question(
        "cost_sensitivity",
        "How much do infrastructure and operating costs matter?",
        Kind.CHOICE,
        Section.CONTEXT,
        help="Every service adds running and operating cost.",
        values=c.CostSensitivity,
        labels={"low": "Little", "medium": "Somewhat", "high": "A lot"},
        core=False,
    ),
    Question(
        "delivery",
        "Who runs the software?",
        Kind.CHOICE,
        Section.CONTEXT,
        help="Software shipped to customers makes every service one more thing they must run.",
        values=c.Delivery,
        labels={"hosted": "We host it", "shipped": "Customers install and run it"},
        core=False,
    ),
    Question(
        "growth",
        "How fast is the engineering organisation growing?",
        Kind.CHOICE,
        Section.TEAMS,
        values=c.Growth,
        labels={
            "stable": "Stable",
            "growing": "Growing",
            "rapid": "Rapidly (doubling within a year or two)",
        },
        core=False,
    ),
    Question(
        "platform_team",
        "Is there a platform team running the deployment and runtime platform?",
        Kind.CHOICE,
        Section.OPERATIONS,
        values=c.PlatformTeam,
        labels={"none": "No", "small": "A small one", "dedicated": "A dedicated platform team"},
        core=False,
    ),
    Question(
        "time_to_market",
        "How strong is the pressure to ship product features right now?",
        Kind.CHOICE,
        Section.CONTEXT,
        values=c.TimeToMarket,
        labels={"normal": "Normal", "high": "High: an architecture project would hurt"},
        core=False,
    ),
    Question(
        "platform_change",
        "Is a platform change forced anyway (a runtime at end of life)?",
        Kind.CHOICE,
        Section.CONTEXT,
        help="A port that happens anyway lowers the cost of moving parts out.",
        values=c.PlatformChange,
        labels={"none": "No", "forced": "Yes, a port or rewrite is unavoidable"},
        core=False,
    ),
    Question(
        "practices",
        "Engineering practices in place",
        Kind.SET,
        Section.OPERATIONS,
        values=c.Practice,
        labels=_labels(c.Practice),
        default=frozenset(),
        unknown=False,
        core=False,
    ),
    Question(
        "org",
        "Which of these are true of your organisation today?",
        Kind.SET,
        Section.CONTEXT,
        values=c.OrgTrait,
        labels=_labels(c.OrgTrait),
        default=frozenset(),
        unknown=False,
        core=False,
    ),
)

BY_NAME: dict[str, Question] = {q.name: q for q in QUESTIONS}
