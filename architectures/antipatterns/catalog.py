"""The anti-pattern catalog, read once from `fixtures/anti_patterns.json`."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from architectures.antipatterns.severity import Severity, default_severity

CATALOG_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "anti_patterns.json"

# Entries without a harm score from the taxonomy study: our judgement of their weight.
# A distributed monolith undoes the point of the split; the others hurt one part.
_UNSCORED_SEVERITY = {
    "distributed-monolith": Severity.HIGH,
    "chatty-services": Severity.MEDIUM,
    "wobbly-service-interaction": Severity.MEDIUM,
    "multiple-services-per-deploy-unit": Severity.MEDIUM,
    "tightly-coupled-teams": Severity.MEDIUM,
    "shared-bounded-context": Severity.MEDIUM,
    "single-layer-teams": Severity.LOW,
}


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    category: str
    harm: float | None
    description: str
    remedy: str
    source: str
    detected_from: str

    @property
    def severity(self) -> Severity:
        """The default severity of a finding; a detector may raise it."""
        if self.harm is None:
            return _UNSCORED_SEVERITY.get(self.id, Severity.MEDIUM)
        return default_severity(self.harm)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "harm": self.harm,
            "description": self.description,
            "remedy": self.remedy,
            "source": self.source,
            "from": self.detected_from,
            "severity": str(self.severity),
        }


@cache
def catalog() -> tuple[Entry, ...]:
    """Every entry, in catalog order."""
    raw = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    return tuple(_entry(item) for item in raw)


@cache
def _by_id() -> dict[str, Entry]:
    return {e.id: e for e in catalog()}


def entry(entry_id: str) -> Entry:
    """The entry with this id; `KeyError` if there is none."""
    return _by_id()[entry_id]


def order(entry_id: str) -> int:
    """The entry's position in the catalog, for sorting findings."""
    return list(_by_id()).index(entry_id)


def _entry(item: dict[str, Any]) -> Entry:
    return Entry(
        id=item["id"],
        name=item["name"],
        category=item["category"],
        harm=item["harm"],
        description=item["description"],
        remedy=item["remedy"],
        source=item["source"],
        detected_from=item["from"],
    )
