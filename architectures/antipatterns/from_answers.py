"""Detectors that read the questionnaire: practices, operations and organisation."""

from collections.abc import Iterable

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, finding, names
from architectures.antipatterns.severity import Severity
from architectures.model import Architecture
from decider.engine.answers import Answers
from decider.engine.choices import LABELS, Op, OrgTrait, Practice

LEGACY_TRAITS = (OrgTrait.SEPARATE_OPS_TEAM, OrgTrait.RELEASE_TRAIN, OrgTrait.MANUAL_QA)
MANY_SERVICES = 3


def said(items: Iterable[str]) -> str:
    """The answers' own wording, e.g. "a manual QA phase gates releases"."""
    return " and ".join(f"“{LABELS[item]}”" for item in items)


def api_versioning(answers: Answers | None, architecture: Architecture | None) -> list[Finding]:
    if answers is None or Practice.API_VERSIONING in answers.practices:
        return []
    consumers = _consuming_teams(answers, architecture)
    if len(consumers) < 2:
        return []
    message = (
        f"Teams {names(consumers)} call services of other teams, and your answers do not "
        f"include {said([Practice.API_VERSIONING])}: a change to one API can break them."
    )
    return [finding("api-versioning", message)]


def _consuming_teams(answers: Answers, architecture: Architecture | None) -> list[str]:
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


def legacy_organization(
    answers: Answers | None, architecture: Architecture | None
) -> list[Finding]:
    if answers is None:
        return []
    traits = [t for t in LEGACY_TRAITS if t in answers.org]
    if len(traits) < 2:
        return []
    severity = Severity.HIGH if len(traits) == len(LEGACY_TRAITS) else None
    message = f"Your answers say {said(traits)}: services would still ship as one release."
    return [finding("legacy-organization", message, severity=severity)]


def local_logging(
    answers: Answers | None,
    architecture: Architecture | None,
    *,
    leans_microservices: bool = False,
) -> list[Finding]:
    if answers is None or Op.CENTRAL_LOGGING in answers.ops:
        return []
    if architecture is not None:
        found = [c.name for c in topology.services(architecture)]
    else:
        found = [d.name for d in answers.domains] if leans_microservices else []
    if len(found) < MANY_SERVICES:
        return []
    where = "services" if architecture is not None else "services (one per domain)"
    message = (
        f"{len(found)} {where}, {names(found)}, and no {LABELS[Op.CENTRAL_LOGGING]} in "
        "your operations: one request's trail is scattered over their local logs."
    )
    return [finding("local-logging", message, found if architecture is not None else ())]


def lack_of_monitoring(answers: Answers | None, architecture: Architecture | None) -> list[Finding]:
    if answers is None or Op.OBSERVABILITY in answers.ops:
        return []
    message = (
        f"Your operations do not include {said([Op.OBSERVABILITY])}: failures "
        "would reach users before they reach you."
    )
    return [finding("lack-of-monitoring", message)]


def shared_libraries(answers: Answers | None, architecture: Architecture | None) -> list[Finding]:
    return _org_trait(answers, OrgTrait.SHARED_DOMAIN_LIBRARY, "shared-libraries")


def lack_of_microservice_skeleton(
    answers: Answers | None,
    architecture: Architecture | None,
    *,
    leans_microservices: bool = False,
) -> list[Finding]:
    if answers is None or not leans_microservices:
        return []
    if Practice.SERVICE_TEMPLATE in answers.practices:
        return []
    message = (
        "The advice leans to microservices, and your answers do not include "
        f"{said([Practice.SERVICE_TEMPLATE])}: each new service would start from scratch."
    )
    return [finding("lack-of-microservice-skeleton", message)]


def focus_on_latest_technologies(
    answers: Answers | None, architecture: Architecture | None
) -> list[Finding]:
    return _org_trait(answers, OrgTrait.TREND_DRIVEN, "focus-on-latest-technologies")


def no_devops_tools(answers: Answers | None, architecture: Architecture | None) -> list[Finding]:
    if answers is None or Op.CI_CD in answers.ops:
        return []
    message = (
        f"Your operations do not include {said([Op.CI_CD])}: every release of "
        "every service would be built and deployed by hand."
    )
    return [finding("no-devops-tools", message)]


def non_homogeneous_adoption(
    answers: Answers | None, architecture: Architecture | None
) -> list[Finding]:
    return _org_trait(answers, OrgTrait.PER_TEAM_ADOPTION, "non-homogeneous-adoption")


_CONSEQUENCE = {
    OrgTrait.SHARED_DOMAIN_LIBRARY: "every change to that code must reach all services at once",
    OrgTrait.TREND_DRIVEN: "the costs of services would be paid without a problem they solve",
    OrgTrait.PER_TEAM_ADOPTION: "the system would end up half migrated, team by team",
}


def _org_trait(answers: Answers | None, trait: OrgTrait, entry_id: str) -> list[Finding]:
    if answers is None or trait not in answers.org:
        return []
    return [finding(entry_id, f"Your answers say {said([trait])}: {_CONSEQUENCE[trait]}.")]
