"""Monolith decomposition: service candidates from module and table dependencies.

Pure Python (no Django). `parse_monolith` validates the design's Monolith JSON,
`decompose` turns it into candidates, shared tables, an extraction plan and metrics.
"""

from architectures.decomposition.monolith import Monolith, MonolithInvalid, parse_monolith
from architectures.decomposition.split import Split, decompose

__all__ = ["Split", "Monolith", "MonolithInvalid", "decompose", "parse_monolith"]
