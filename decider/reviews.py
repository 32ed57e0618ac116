"""Reviewing a described architecture: its findings, saved with a permalink."""

from typing import Any

from architectures.antipatterns.detect import detect
from architectures.model import Architecture
from decider.assessments import diagram_urls
from decider.models import Review


def analyse_architecture(architecture: Architecture) -> dict[str, Any]:
    findings = detect(answers=None, architecture=architecture)
    return {"anti_patterns": [f.to_dict() for f in findings]}


def create_review(*, architecture: Architecture) -> Review:
    return Review.objects.create(
        architecture=architecture.to_dict(), result=analyse_architecture(architecture)
    )


def review_payload(review: Review) -> dict[str, Any]:
    return {
        "id": review.id,
        "url": review.get_absolute_url(),
        "created": review.created,
        "architecture": review.architecture,
        "anti_patterns": review.result["anti_patterns"],
        "diagram": diagram_urls("reviews", review.id),
        "microtosca": f"/api/v1/reviews/{review.id}/architecture.microtosca.yml",
    }
