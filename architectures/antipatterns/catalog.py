"""The anti-pattern catalog, read once from `fixtures/anti_patterns.json`."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from architectures.antipatterns.severity import Severity, default_severity

CATALOG_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "anti_patterns.json"


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
    # Our judgement, for entries without a harm score from the taxonomy study.
    judged_severity: Severity | None = None

    @property
    def severity(self) -> Severity:
        """The default severity of a finding; a detector may raise it."""
        if self.harm is None:
            return self.judged_severity or Severity.MEDIUM
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
        judged_severity=Severity(item["severity"]) if "severity" in item else None,
    )
