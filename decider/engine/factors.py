"""The factors: one per answer, each with a raw weight, an explanation and a source.

Every factor is monotone in its own answer in the direction the design requires, so
their sum is too. Raw weights are divided by `NORM` (the widest possible swing) so the
score always lies in [-1, 1] without clamping, and the contributions still add up.
"""

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from decider.engine import choices as c
from decider.engine.answers import Answers
from decider.engine.sources import Source


@dataclass(frozen=True)
class Factor:
    factor: str
    contribution: float
    explanation: str
    source: Source

    def to_dict(self) -> dict[str, object]:
        return {
            "factor": self.factor,
            "contribution": round(self.contribution, 4) + 0.0,
            "explanation": self.explanation,
            "source": str(self.source),
        }


@dataclass(frozen=True)
class Raw:
    """A factor before normalisation: `weight` in raw units."""

    factor: str
    weight: float
    explanation: str
    source: Source


def _teams_weight(teams: int) -> float:
    steps = ((1, -0.40), (2, -0.20), (3, -0.10), (5, 0.12), (9, 0.22), (19, 0.32))
    return next((weight for limit, weight in steps if teams <= limit), 0.40)


def teams(a: Answers) -> Raw:
    w = _teams_weight(a.teams)
    if a.teams == 1:
        why = "One team can hold the whole system and ship it as one deployable."
    elif a.teams <= 3:
        why = f"{a.teams} teams can share one codebase if its modules have clear owners."
    else:
        why = f"{a.teams} teams need to build, test and deploy independently of each other."
    return Raw("teams", w, why, Source.TEAM_TOPOLOGIES)


_CONTENTION = {"never": -0.12, "rarely": -0.03, "often": 0.15, "constantly": 0.25}


def deploy_contention(a: Answers) -> Raw:
    w = _CONTENTION[a.deploy_contention]
    if w > 0 and a.teams <= 3:
        # With three teams or fewer, module ownership in one deployable fixes most waiting.
        w *= 0.5
    why = {
        "never": "Releases never wait on another team, so independent deployment buys little.",
        "rarely": "Releases rarely wait on another team.",
        "often": "Releases often wait on another team's: independent deployment would help.",
        "constantly": "Releases constantly wait on other teams': the strongest reason to split.",
    }[a.deploy_contention]
    return Raw("deploy_contention", w, why, Source.ACCELERATE)


def scaling(a: Answers) -> Raw:
    w = {"uniform": -0.08, "moderate": 0.02, "divergent": 0.18}[a.scaling]
    why = {
        "uniform": "The parts scale alike; a monolith scales horizontally just as well.",
        "moderate": "Scaling needs differ somewhat: weak evidence on its own.",
        "divergent": "Parts must scale very differently: those parts are worth extracting.",
    }[a.scaling]
    return Raw("scaling", w, why, Source.RICHARDSON_DARK_ENERGY)


def tech_diversity(a: Answers) -> Raw:
    w = {"none": -0.05, "nice_to_have": 0.0, "required": 0.18}[a.tech_diversity]
    why = {
        "none": "One language and runtime serve every part.",
        "nice_to_have": "Other languages would be nice to have, not needed: no effect.",
        "required": "Some parts genuinely need another language or runtime.",
    }[a.tech_diversity]
    return Raw("tech_diversity", w, why, Source.RICHARDSON_DARK_ENERGY)


def monolith_pain(a: Answers) -> Raw:
    w = -0.08 + 0.05 * a.monolith_pain
    if a.existing_system == c.ExistingSystem.NONE:
        w *= 0.5  # a new product has no codebase to hurt yet
    if a.monolith_pain >= 4:
        why = f"Codebase pain {a.monolith_pain}/5: too tangled to change safely."
    elif a.monolith_pain >= 2:
        why = f"Codebase pain {a.monolith_pain}/5: it hurts, but modularising may be enough."
    else:
        why = f"Codebase pain {a.monolith_pain}/5: the codebase is not the problem."
    return Raw("monolith_pain", w, why, Source.NEWMAN)


def domain_clarity(a: Answers) -> Raw:
    w = {"unclear": -0.25, "partial": -0.04, "clear": 0.10}[a.domain_clarity]
    why = {
        "unclear": "Domain boundaries are unclear: wrong service cuts are costly to undo.",
        "partial": "Domain boundaries are partly known: some cuts would be guesses.",
        "clear": "Domain boundaries are clear and stable, so services can follow them.",
    }[a.domain_clarity]
    return Raw("domain_clarity", w, why, Source.FOWLER_MONOLITH_FIRST)


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
_OPS_BASELINE = -0.16


def ops(a: Answers) -> Raw:
    w = _OPS_BASELINE + sum(OP_WEIGHTS[op] for op in a.ops)
    missing = [c.LABELS[op] for op in c.Op if op not in a.ops]
    if not missing:
        why = "Every operations capability is in place to run many services."
    elif not a.ops:
        why = "No operations tooling yet: each service would add manual work."
    else:
        why = f"{len(a.ops)} of {len(c.Op)} operations capabilities in place; missing: "
        why += ", ".join(missing) + "."
    return Raw("ops", w, why, Source.FOWLER_PREREQUISITES)


def distributed_experience(a: Answers) -> Raw:
    w = {"none": -0.15, "some": -0.02, "strong": 0.06}[a.distributed_experience]
    why = {
        "none": "No experience running distributed systems: failures become business logic.",
        "some": "Some experience running distributed systems.",
        "strong": "Strong experience running distributed systems lowers the premium.",
    }[a.distributed_experience]
    return Raw("distributed_experience", w, why, Source.FOWLER_PREMIUM)


def consistency(a: Answers) -> Raw:
    w = {"relaxed": 0.06, "mixed": -0.04, "strict": -0.25}[a.consistency]
    why = {
        "relaxed": "Eventual consistency across domains is acceptable.",
        "mixed": "Some operations need transactions across domains: sagas where they do.",
        "strict": "Most operations need all-or-nothing transactions across domains.",
    }[a.consistency]
    return Raw("consistency", w, why, Source.RICHARDSON_DARK_MATTER)


def existing_system(a: Answers) -> Raw:
    w = {"none": -0.10, "monolith": 0.0, "microservices": 0.04}[a.existing_system]
    why = {
        "none": "A new product: start with a monolith and learn where the boundaries are.",
        "monolith": "An existing monolith: split it incrementally, never rewrite in one go.",
        "microservices": "Services already run in production, so the platform exists.",
    }[a.existing_system]
    source = Source.FOWLER_MONOLITH_FIRST if w < 0 else Source.NEWMAN
    return Raw("existing_system", w, why, source)


def developers(a: Answers) -> Raw | None:
    if a.developers is None:
        return None
    n = a.developers
    w = -0.15 if n < 10 else 0.0 if n < 50 else 0.05 if n < 100 else 0.10
    why = f"{n:,} engineers in all"
    why += {
        -0.15: ": fewer than ten, one team's worth.",
        0.0: ": a handful of teams.",
        0.05: ": enough for several independent teams.",
        0.10: ": a hundred or more need independent teams.",
    }[w]
    return Raw("developers", w, why, Source.TEAM_TOPOLOGIES)


def codebase_kloc(a: Answers) -> Raw | None:
    if a.codebase_kloc is None:
        return None
    k = a.codebase_kloc
    w = -0.06 if k < 20 else 0.0 if k < 500 else 0.06
    size = f"{k:,} thousand lines"
    why = {
        -0.06: f"{size}: small enough for people to hold in their heads.",
        0.0: f"{size}: a mid-sized codebase.",
        0.06: f"{size}: too large for anyone to hold in their head.",
    }[w]
    return Raw("codebase_kloc", w, why, Source.RICHARDSON_DARK_ENERGY)


def domains(a: Answers) -> Raw:
    if len(a.domains) == 1:
        why = f"One domain ({a.domains[0].name}): there is nothing to split along."
        return Raw("domains", -0.12, why, Source.DESIGN)
    graph = nx.DiGraph((d.name, t) for d in a.domains for t in d.depends_on)
    edges = graph.number_of_edges()
    cyclic = any(len(scc) > 1 for scc in nx.strongly_connected_components(graph))
    w = -min(0.15, 0.08 * edges / len(a.domains) + (0.05 if cyclic else 0.0))
    names = ", ".join(d.name for d in a.domains)
    if edges == 0:
        why = f"{len(a.domains)} domains ({names}) with no synchronous calls between them."
    else:
        why = f"{edges} synchronous dependencies between {len(a.domains)} domains"
        why += " including a cycle" if cyclic else ""
        why += ": chatty workflows across services cost latency and availability."
    return Raw("domains", w, why, Source.RICHARDSON_DARK_MATTER)


def practices(a: Answers) -> Raw:
    w = 0.02 * (c.Practice.API_VERSIONING in a.practices)
    w += 0.03 * (c.Practice.SERVICE_TEMPLATE in a.practices)
    if a.practices:
        why = "In place: " + ", ".join(c.LABELS[p] for p in c.Practice if p in a.practices) + "."
    else:
        why = "No API versioning or service template yet."
    return Raw("practices", w, why, Source.RICHARDSON_ANTI_PATTERNS)


def org(a: Answers) -> Raw:
    w = -0.15 * (c.OrgTrait.TREND_DRIVEN in a.org) - 0.05 * (c.OrgTrait.LOCKSTEP_DEPLOYS in a.org)
    if c.OrgTrait.TREND_DRIVEN in a.org:
        why = "The push comes from the trend, not from a problem microservices solve."
        return Raw("org", w, why, Source.RADAR)
    if c.OrgTrait.LOCKSTEP_DEPLOYS in a.org:
        why = "Parts must be deployed together today: services would inherit that coupling."
        return Raw("org", w, why, Source.ACCELERATE)
    return Raw("org", w, "No organisational trait pushes either way.", Source.DESIGN)


RAW_FACTORS: tuple[Callable[[Answers], Raw | None], ...] = (
    teams,
    developers,
    deploy_contention,
    scaling,
    tech_diversity,
    monolith_pain,
    codebase_kloc,
    existing_system,
    domain_clarity,
    ops,
    distributed_experience,
    consistency,
    domains,
    practices,
    org,
)

# The widest swing either way, from each factor's extreme weights (see tests).
MAX_POSITIVE = 0.40 + 0.10 + 0.25 + 0.18 + 0.18 + 0.17 + 0.06 + 0.04 + 0.10 + 0.12 + 0.06
MAX_POSITIVE += 0.06 + 0.0 + 0.05 + 0.0
MAX_NEGATIVE = 0.40 + 0.15 + 0.12 + 0.08 + 0.05 + 0.08 + 0.06 + 0.10 + 0.25 + 0.16 + 0.15
MAX_NEGATIVE += 0.25 + 0.15 + 0.0 + 0.20
NORM = max(MAX_POSITIVE, MAX_NEGATIVE)


def score_factors(a: Answers) -> list[Factor]:
    """Every factor that applies, normalised so the sum lies in [-1, 1]."""
    raws = [raw for fn in RAW_FACTORS if (raw := fn(a)) is not None]
    return [Factor(r.factor, r.weight / NORM, r.explanation, r.source) for r in raws]
