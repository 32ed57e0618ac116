from pathlib import Path

import pytest

from architectures.input_formats import Upload
from architectures.model import parse_architecture
from architectures.review_formats import read_review_input
from decider.models import Review
from decider.reviews import built, create_review, review_payload

pytestmark = pytest.mark.django_db

ESHOP = Path(__file__).parents[2] / "fixtures" / "deployments" / "eshoponcontainers"


def eshop() -> list[Upload]:
    names = ("docker-compose.yml", "docker-compose.override.yml")
    return [Upload(n, (ESHOP / n).read_bytes()) for n in names]


def test_an_imported_review_keeps_its_warnings_evidence_and_source():
    saved = create_review(imported=read_review_input(eshop()))
    result = Review.objects.get(pk=saved.pk).result
    assert result["source"] == {
        "format": "compose",
        "files": ["docker-compose.yml", "docker-compose.override.yml"],
    }
    kinds = {w["kind"] for w in result["warnings"]}
    assert {"left-out", "unset-variable", "split-datastore", "exposed-datastore"} <= kinds
    evidence = [
        (e["file"], e["key"], e["rule"])
        for e in result["evidence"]["links"]
        if e["source"] == "basket-api" and e["target"] == "rabbitmq"
    ]
    assert evidence == [
        ("docker-compose.yml", "services.basket-api.depends_on[2]", "depends_on"),
        (
            "docker-compose.override.yml",
            "services.basket-api.environment.EventBusConnection",
            "environment",
        ),
    ]


def test_no_secret_value_is_stored():
    saved = create_review(imported=read_review_input(eshop()))
    stored = repr(Review.objects.get(pk=saved.pk).__dict__)
    for secret in ("Pass@word", "6168DB8D-DC58-4094-AF24-483278923590"):
        assert secret not in stored


def test_a_built_review_has_no_import_details_and_old_reviews_read_as_empty():
    architecture = parse_architecture({"components": [{"name": "a", "kind": "service"}]})
    payload = review_payload(create_review(imported=built(architecture)))
    assert payload["warnings"] == [] and payload["source"] == {"format": "builder", "files": []}
    old = Review.objects.create(architecture=architecture.to_dict(), result={"anti_patterns": []})
    payload = review_payload(old)
    assert payload["evidence"] == {"components": [], "links": []} and payload["warnings"] == []
