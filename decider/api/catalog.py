from django.http import HttpRequest
from ninja import Router, Schema

from architectures.antipatterns.catalog import catalog

router = Router(tags=["anti-patterns"])


class AntiPatternEntryOut(Schema):
    id: str
    name: str
    category: str
    harm: float | None
    severity: str
    description: str
    remedy: str
    source: str
    # "Q" (from the questionnaire), "A" (from an architecture) or "Q+A".
    detected_from: str


@router.get(
    "/anti-patterns",
    response={200: list[AntiPatternEntryOut]},
    summary="The anti-pattern catalog: every entry, whether or not it fired",
)
def list_anti_patterns(request: HttpRequest):
    return [entry.to_dict() | {"detected_from": entry.detected_from} for entry in catalog()]
