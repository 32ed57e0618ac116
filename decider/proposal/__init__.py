"""The bridge from answers to an architecture: the proposal, and the anti-patterns the
answers show. Pure Python, no Django import: it sits beside the engine on the decision
side, reads `decider.engine`'s answers, and builds on `architectures` (which never
imports it)."""

from decider.proposal.architecture import propose
from decider.proposal.findings import assessment_findings

__all__ = ["assessment_findings", "propose"]
