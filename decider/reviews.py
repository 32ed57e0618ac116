"""Reviewing a described or imported architecture: its findings, saved with a permalink.

A review's `result` holds the findings and, for an imported architecture, what the
import noticed: `warnings` (what was ignored, unresolved or inferred), `evidence` (the
file and key behind each component and link), and `source` (the format and file names).
Reviews saved before imports existed have none of these; they read as empty.
"""

from typing import Any

from architectures.antipatterns import detect_in
from architectures.importers import Imported
from architectures.model import Architecture, parse_architecture
from decider.badges import badges
from decider.exports import BY_NAME, Drawing, diagram_urls, download_url
from decider.models import Review

NO_EVIDENCE: dict[str, list[Any]] = {"components": [], "links": []}
BUILT = "builder"


def analyse_architecture(architecture: Architecture) -> dict[str, Any]:
    findings = detect_in(architecture)
    return {"anti_patterns": [f.to_dict() for f in findings]}


def built(architecture: Architecture) -> Imported:
    """An architecture built row by row on the page: nothing imported, nothing to warn."""
    return Imported(architecture, BUILT)


def new_review(*, imported: Imported, title: str = "") -> Review:
    """The review of an architecture, not saved (the command line saves on request)."""
    result = analyse_architecture(imported.architecture) | {
        "warnings": [w.to_dict() for w in imported.warnings],
        "evidence": imported.evidence_dict(),
        "source": {"format": imported.format, "files": list(imported.files)},
    }
    return Review(architecture=imported.architecture.to_dict(), result=result, title=title)


def create_review(*, imported: Imported, title: str = "") -> Review:
    review = new_review(imported=imported, title=title)
    review.save(force_insert=True)
    return review


def import_details(review: Review) -> dict[str, Any]:
    """Warnings, evidence and source of a saved review, empty for older ones."""
    return {
        "warnings": review.result.get("warnings", []),
        "evidence": review.result.get("evidence", NO_EVIDENCE),
        "source": review.result.get("source", {"format": BUILT, "files": []}),
    }


def review_payload(review: Review) -> dict[str, Any]:
    return {
        "id": review.id,
        "url": review.get_absolute_url(),
        "created": review.created,
        "architecture": review.architecture,
        "anti_patterns": review.result["anti_patterns"],
        **import_details(review),
        "diagram": diagram_urls(review),
        "microtosca": download_url(review, BY_NAME["microtosca"]),
    }


def drawing(review: Review) -> Drawing:
    """What the review's downloads are made of."""
    architecture = parse_architecture(review.architecture)
    title = review.title or "Reviewed architecture"
    return Drawing(title, architecture=architecture, marks=badges(review.result["anti_patterns"]))
