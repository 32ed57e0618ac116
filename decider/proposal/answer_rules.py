"""Detectors that read the questionnaire: practices, operations and organisation, and
what one service per domain would mean for the teams. Registered with the architecture
package's registry; `decider.proposal.findings` runs them with the architecture's own."""

import math
from collections.abc import Iterable

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, finding, names
from architectures.antipatterns.registry import ANSWERS, Evidence, rule
from architectures.antipatterns.service_rules import GREEDY_PER_TEAM
from architectures.antipatterns.severity import Severity
from architectures.antipatterns.team_rules import COMMON_OWNERSHIP
from decider.engine.answers import Answers
from decider.engine.choices import LABELS, Op, OrgTrait, Practice

LEGACY_TRAITS = (OrgTrait.SEPARATE_OPS_TEAM, OrgTrait.RELEASE_TRAIN, OrgTrait.MANUAL_QA)
COUPLING_TRAITS = (OrgTrait.LOCKSTEP_DEPLOYS, OrgTrait.SHARED_DOMAIN_LIBRARY)
MANY_SERVICES = 3


def said(items: Iterable[str]) -> str:
    """The answers' own wording, e.g. "a manual QA phase gates releases"."""
    return " and ".join(f"“{LABELS[item]}”" for item in items)


def coupling_reasons(answers: Answers) -> tuple[str, ...]:
    """What the answers say that would make services ship together."""
    traits = [t for t in COUPLING_TRAITS if t in answers.org]
    return ("your answers say " + said(traits),) if traits else ()


def busiest_team_load(answers: Answers) -> int:
    """The services the busiest team would own with one service per domain."""
    return math.ceil(len(answers.domains) / answers.teams)


@rule("api-versioning", needs=ANSWERS)
def api_versioning(evidence: Evidence) -> list[Finding]:
    answers = evidence.answers
    if Practice.API_VERSIONING in answers.practices:
        return []
    consumers = _consuming_teams(evidence)
    if len(consumers) < 2:
        return []
    message = (
        f"Teams {names(consumers)} call services of other teams, and your answers do not "
        f"include {said([Practice.API_VERSIONING])}: a change to one API can break them."
    )
    return [finding("api-versioning", message)]


def _consuming_teams(evidence: Evidence) -> list[str]:
    architecture, answers = evidence.architecture, evidence.answers
    if architecture is not None and topology.team_of(architecture):
        team = {c.name: c.team for c in architecture.components}
        pairs = [(link.source, link.target) for link in architecture.links]
        kinds = architecture.by_name
        pairs = [(s, t) for s, t in pairs if kinds[t].kind in topology.RUNTIME_KINDS]
    else:
        team = {d.name: d.team for d in answers.domains}
        pairs = [(d.name, t) for d in answers.domains for t in (*d.depends_on, *d.publishes_to)]
    found = {team[s] for s, t in pairs if team[s] and team[t] and team[s] != team[t]}
    return sorted(found)


@rule("legacy-organization", needs=ANSWERS)
def legacy_organization(evidence: Evidence) -> list[Finding]:
    traits = [t for t in LEGACY_TRAITS if t in evidence.answers.org]
    if len(traits) < 2:
        return []
    severity = Severity.HIGH if len(traits) == len(LEGACY_TRAITS) else None
    message = f"Your answers say {said(traits)}: services would still ship as one release."
    return [finding("legacy-organization", message, severity=severity)]


@rule("local-logging", needs=ANSWERS)
def local_logging(evidence: Evidence) -> list[Finding]:
    answers, architecture = evidence.answers, evidence.architecture
    if Op.CENTRAL_LOGGING in answers.ops:
        return []
    if architecture is not None:
        found = [c.name for c in topology.services(architecture)]
    else:
        found = [d.name for d in answers.domains] if evidence.leans_microservices else []
    if len(found) < MANY_SERVICES:
        return []
    where = "services" if architecture is not None else "services (one per domain)"
    message = (
        f"{len(found)} {where}, {names(found)}, and no {LABELS[Op.CENTRAL_LOGGING]} in "
        "your operations: one request's trail is scattered over their local logs."
    )
    return [finding("local-logging", message, found if architecture is not None else ())]


@rule("lack-of-monitoring", needs=ANSWERS)
def lack_of_monitoring(evidence: Evidence) -> list[Finding]:
    if Op.OBSERVABILITY in evidence.answers.ops:
        return []
    message = (
        f"Your operations do not include {said([Op.OBSERVABILITY])}: failures "
        "would reach users before they reach you."
    )
    return [finding("lack-of-monitoring", message)]


@rule("shared-libraries", needs=ANSWERS)
def shared_libraries(evidence: Evidence) -> list[Finding]:
    return _org_trait(evidence.answers, OrgTrait.SHARED_DOMAIN_LIBRARY, "shared-libraries")


@rule("lack-of-microservice-skeleton", needs=ANSWERS)
def lack_of_microservice_skeleton(evidence: Evidence) -> list[Finding]:
    if not evidence.leans_microservices:
        return []
    if Practice.SERVICE_TEMPLATE in evidence.answers.practices:
        return []
    message = (
        "The advice leans to microservices, and your answers do not include "
        f"{said([Practice.SERVICE_TEMPLATE])}: each new service would start from scratch."
    )
    return [finding("lack-of-microservice-skeleton", message)]


@rule("focus-on-latest-technologies", needs=ANSWERS)
def focus_on_latest_technologies(evidence: Evidence) -> list[Finding]:
    return _org_trait(evidence.answers, OrgTrait.TREND_DRIVEN, "focus-on-latest-technologies")


@rule("no-devops-tools", needs=ANSWERS)
def no_devops_tools(evidence: Evidence) -> list[Finding]:
    if Op.CI_CD in evidence.answers.ops:
        return []
    message = (
        f"Your operations do not include {said([Op.CI_CD])}: every release of "
        "every service would be built and deployed by hand."
    )
    return [finding("no-devops-tools", message)]


@rule("non-homogeneous-adoption", needs=ANSWERS)
def non_homogeneous_adoption(evidence: Evidence) -> list[Finding]:
    return _org_trait(evidence.answers, OrgTrait.PER_TEAM_ADOPTION, "non-homogeneous-adoption")


def _without_teams(evidence: Evidence) -> bool:
    """The architecture names no teams, so the answers must say who would own what."""
    architecture = evidence.architecture
    no_teams = architecture is None or not topology.team_of(architecture)
    return no_teams and evidence.leans_microservices


@rule("common-ownership", needs=ANSWERS)
def common_ownership(evidence: Evidence) -> list[Finding]:
    answers = evidence.answers
    if not _without_teams(evidence):
        return []
    busiest = busiest_team_load(answers)
    if busiest < COMMON_OWNERSHIP and not (answers.teams == 1 and len(answers.domains) >= 2):
        return []
    message = (
        f"With one service per domain, {len(answers.domains)} services for "
        f"{answers.teams} team(s): at least one team would own {busiest} of them."
    )
    return [finding("common-ownership", message)]


@rule("microservice-greedy", needs=ANSWERS)
def microservice_greedy(evidence: Evidence) -> list[Finding]:
    answers = evidence.answers
    if not _without_teams(evidence) or busiest_team_load(answers) <= GREEDY_PER_TEAM:
        return []
    message = (
        f"One service per domain gives {len(answers.domains)} services for {answers.teams} "
        f"team(s): at least one team would run {busiest_team_load(answers)}, more than "
        "three per team."
    )
    return [finding("microservice-greedy", message)]


_CONSEQUENCE = {
    OrgTrait.SHARED_DOMAIN_LIBRARY: "every change to that code must reach all services at once",
    OrgTrait.TREND_DRIVEN: "the costs of services would be paid without a problem they solve",
    OrgTrait.PER_TEAM_ADOPTION: "the system would end up half migrated, team by team",
}


def _org_trait(answers: Answers, trait: OrgTrait, entry_id: str) -> list[Finding]:
    if trait not in answers.org:
        return []
    return [finding(entry_id, f"Your answers say {said([trait])}: {_CONSEQUENCE[trait]}.")]
