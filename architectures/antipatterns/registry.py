"""The detector registry: each detector declares the catalog entry it finds and what it
needs, and `detect` runs those whose needs are met.

Detectors over an architecture live in this package and take the architecture alone.
Detectors over the questionnaire's answers live on the decision side (`decider.proposal`),
which registers them here: this package never imports the questionnaire, it only carries
its answers through `Evidence` to the detectors that read them.

Adding a detector is one function with its decorator, one catalog entry and one test.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Flag, auto
from typing import Any

from architectures.antipatterns.catalog import entry, order
from architectures.antipatterns.finding import Finding
from architectures.model import Architecture


class Needs(Flag):
    ARCHITECTURE = auto()
    ANSWERS = auto()
    # Reads what the questionnaire adds when there is one (team count, coupling reasons),
    # and works without it.
    CONTEXT = auto()


ARCHITECTURE, ANSWERS, CONTEXT = Needs.ARCHITECTURE, Needs.ANSWERS, Needs.CONTEXT


@dataclass(frozen=True)
class Evidence:
    """What the detectors look at. The fields past `architecture` come from the
    questionnaire, when there is one; a review has only the architecture."""

    architecture: Architecture | None = None
    answers: Any = None  # read only by detectors the decision side registers
    leans_microservices: bool = False
    teams: int | None = None  # how many teams build the system, when the answers say
    # What the answers say that makes services ship together (distributed monolith).
    coupling_reasons: tuple[str, ...] = ()

    def provides(self, needs: Needs) -> bool:
        if Needs.ARCHITECTURE in needs and self.architecture is None:
            return False
        return not (Needs.ANSWERS in needs and self.answers is None)


Detector = Callable[..., list[Finding]]


@dataclass(frozen=True)
class Rule:
    entry_id: str
    needs: Needs
    detector: Detector

    def run(self, evidence: Evidence) -> list[Finding]:
        # A rule that needs only the architecture takes it alone; others take the evidence.
        if self.needs == ARCHITECTURE:
            return self.detector(evidence.architecture)
        return self.detector(evidence)


RULES: list[Rule] = []


def rule(entry_id: str, *, needs: Needs) -> Callable[[Detector], Detector]:
    """Register `detector` for catalog entry `entry_id` (which must exist)."""
    entry(entry_id)

    def register(detector: Detector) -> Detector:
        RULES.append(Rule(entry_id, needs, detector))
        return detector

    return register


def detect(evidence: Evidence) -> list[Finding]:
    """Every finding the evidence supports, deduplicated and sorted: the distributed
    monolith first (it is shown as a banner), then by severity, high first, and catalog
    order."""
    found = [f for r in RULES if evidence.provides(r.needs) for f in r.run(evidence)]
    unique = list({(f.id, f.elements): f for f in found}.values())
    return sorted(unique, key=_rank)


def _rank(finding: Finding) -> tuple[bool, int, int]:
    return (finding.id != "distributed-monolith", -finding.severity.rank, order(finding.id))


def detect_in(architecture: Architecture) -> list[Finding]:
    """Every finding in an architecture on its own, as a review sees it."""
    return detect(Evidence(architecture=architecture))
