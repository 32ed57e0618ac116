"""How bad a finding is, on the catalog's harm scale."""

from enum import StrEnum


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


def default_severity(harm: float) -> Severity:
    """7 and above high, 5 to 6.05 medium, below 5 low (the catalog's scale)."""
    if harm >= 7:
        return Severity.HIGH
    if harm >= 5:
        return Severity.MEDIUM
    return Severity.LOW
