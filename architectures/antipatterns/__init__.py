"""Anti-pattern warnings: the catalog, and detectors over answers and architectures.

`detect` runs every detector and returns `Finding`s; `catalog()` lists every entry,
whether it fired or not. Pure Python, no Django import.
"""

from architectures.antipatterns.catalog import Entry, catalog, entry
from architectures.antipatterns.detect import detect
from architectures.antipatterns.finding import Finding
from architectures.antipatterns.severity import Severity, default_severity

__all__ = ["Entry", "Finding", "Severity", "catalog", "default_severity", "detect", "entry"]
