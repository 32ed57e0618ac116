"""Run every detector and return the findings, worst first."""

from collections.abc import Callable
from functools import partial

from architectures.antipatterns import (
    data_rules,
    deployment_rules,
    from_answers,
    graph_rules,
    service_rules,
    team_rules,
)
from architectures.antipatterns.catalog import order
from architectures.antipatterns.distributed_monolith import distributed_monolith
from architectures.antipatterns.finding import Finding
from architectures.model import Architecture
from decider.engine.answers import Answers

Detector = Callable[[Answers | None, Architecture | None], list[Finding]]

PLAIN: tuple[Detector, ...] = (
    graph_rules.hardcoded_endpoints,
    service_rules.wrong_cuts,
    graph_rules.cyclic_dependency,
    from_answers.api_versioning,
    data_rules.shared_persistence,
    graph_rules.esb_usage,
    from_answers.legacy_organization,
    service_rules.megaservice,
    data_rules.inappropriate_service_intimacy,
    from_answers.lack_of_monitoring,
    graph_rules.no_api_gateway,
    from_answers.shared_libraries,
    service_rules.too_many_technologies,
    from_answers.focus_on_latest_technologies,
    from_answers.no_devops_tools,
    from_answers.non_homogeneous_adoption,
    distributed_monolith,
    graph_rules.chatty_services,
    graph_rules.wobbly_service_interaction,
    deployment_rules.multiple_services_per_deploy_unit,
    team_rules.tightly_coupled_teams,
    team_rules.shared_bounded_context,
    team_rules.single_layer_teams,
)
# These also depend on where the verdict leans, which the answers alone do not say.
LEANING = (
    from_answers.local_logging,
    from_answers.lack_of_microservice_skeleton,
    service_rules.microservice_greedy,
    team_rules.common_ownership,
)


def detect(
    *,
    answers: Answers | None,
    architecture: Architecture | None,
    leans_microservices: bool = False,
) -> list[Finding]:
    """Every finding for the answers and/or architecture, deduplicated and sorted.

    The distributed monolith comes first (it is shown as a banner), then the rest by
    severity, high first, and catalog order.
    """
    detectors = [*PLAIN, *(partial(d, leans_microservices=leans_microservices) for d in LEANING)]
    found = [f for detector in detectors for f in detector(answers, architecture)]
    unique = list({(f.id, f.elements): f for f in found}.values())
    return sorted(unique, key=_rank)


def _rank(finding: Finding) -> tuple[bool, int, int]:
    return (finding.id != "distributed-monolith", -finding.severity.rank, order(finding.id))
