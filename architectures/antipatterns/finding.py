"""A finding: one anti-pattern that holds for the user's answers or architecture."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from architectures.antipatterns.catalog import entry
from architectures.antipatterns.severity import Severity


@dataclass(frozen=True)
class Finding:
    id: str
    name: str
    severity: Severity
    message: str
    remedy: str
    elements: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "remedy": self.remedy,
            "elements": list(self.elements),
        }


def finding(
    entry_id: str,
    message: str,
    elements: Iterable[str] = (),
    *,
    severity: Severity | None = None,
) -> Finding:
    """A finding for catalog entry `entry_id`, at its default severity unless raised."""
    known = entry(entry_id)
    return Finding(
        id=known.id,
        name=known.name,
        severity=severity or known.severity,
        message=message,
        remedy=known.remedy,
        elements=tuple(dict.fromkeys(elements)),
    )


def names(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c': component names quoted for a message."""
    quoted = [f"'{item}'" for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def count(number: int, noun: str) -> str:
    """'1 link', '3 links'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
