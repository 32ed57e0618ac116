"""The anti-patterns of an assessment: the answers and the proposed architecture together."""

from architectures.antipatterns import Evidence, Finding, detect
from architectures.model import Architecture
from decider.engine.answers import Answers
from decider.proposal import answer_rules


def assessment_findings(
    answers: Answers, architecture: Architecture | None, *, leans_microservices: bool
) -> list[Finding]:
    """Every finding for the answers and the architecture proposed for them, worst first."""
    evidence = Evidence(
        architecture=architecture,
        answers=answers,
        leans_microservices=leans_microservices,
        teams=answers.teams,
        coupling_reasons=answer_rules.coupling_reasons(answers),
    )
    return detect(evidence)
