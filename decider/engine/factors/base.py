"""What every factor is made of: its definition, the facts it reads, and the result."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from decider.engine.rounding import rounded
from decider.engine.sources import Source

Values = Mapping[str, Any]


@dataclass(frozen=True)
class DomainFacts:
    """What the domains say, computed once per recommendation (neighbours share them)."""

    count: int
    names: tuple[str, ...]
    sync_edges: int
    cyclic: bool


@dataclass(frozen=True)
class Definition:
    name: str
    label: str  # what a chart calls it
    source: Source
    weight: Callable[[Values, DomainFacts], float]
    explain: Callable[[Values, DomainFacts, float], str]
    bounds: tuple[float, float]  # the lowest and highest raw weight it can give


@dataclass(frozen=True)
class Factor:
    """A factor as the result shows it: its share of the score, explained."""

    factor: str
    contribution: float
    explanation: str
    source: Source
    label: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "factor": self.factor,
            "label": self.label,
            "contribution": rounded(self.contribution),
            "explanation": self.explanation,
            "source": str(self.source),
        }


def factor(name: str, label: str, source: Source, bounds: tuple[float, float]):
    """Declare a factor: `@factor(name, label, source, bounds)(weight)` decorates the
    function that explains the weight, and the result is the factor's `Definition`."""

    def register(weight: Callable[[Values, DomainFacts], float]):
        def attach(explain: Callable[[Values, DomainFacts, float], str]) -> Definition:
            return Definition(name, label, source, weight, explain, bounds)

        return attach

    return register
