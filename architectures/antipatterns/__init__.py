"""Anti-pattern warnings: the catalog, and the detectors over architectures.

`detect(Evidence(...))` runs every registered detector whose needs are met and returns
`Finding`s; `catalog()` lists every entry, whether it fired or not. The detectors over
the questionnaire's answers are registered by the decision side (`decider.proposal`).
Pure Python, no Django import, and nothing from `decider`.
"""

from architectures.antipatterns import (  # noqa: F401  (each registers its detectors)
    data_rules,
    deployment_rules,
    distributed_monolith,
    graph_rules,
    service_rules,
    team_rules,
)
from architectures.antipatterns.catalog import Entry, catalog, entry
from architectures.antipatterns.finding import Finding
from architectures.antipatterns.registry import Evidence, detect, detect_in
from architectures.antipatterns.severity import Severity, default_severity

__all__ = [
    "Entry",
    "Evidence",
    "Finding",
    "Severity",
    "catalog",
    "default_severity",
    "detect",
    "detect_in",
    "entry",
]
