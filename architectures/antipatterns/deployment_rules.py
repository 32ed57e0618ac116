"""Detectors over how services are packaged and deployed."""

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, finding, names
from architectures.antipatterns.registry import ARCHITECTURE, rule
from architectures.antipatterns.severity import Severity
from architectures.model import Architecture

MANY_SERVICES = 3


@rule("multiple-services-per-deploy-unit", needs=ARCHITECTURE)
def multiple_services_per_deploy_unit(architecture: Architecture) -> list[Finding]:
    return [
        finding(
            "multiple-services-per-deploy-unit",
            f"{names(members)} are deployed together in '{unit}': none of them can be "
            "released, scaled or restarted on its own.",
            members,
            severity=Severity.HIGH if len(members) >= MANY_SERVICES else None,
        )
        for unit, members in topology.shared_deploy_units(architecture).items()
    ]
