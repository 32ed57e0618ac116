import json

import pytest
from django.test import Client

from decider.api import assessments
from decider.idempotency.middleware import prune
from decider.idempotency.models import IdempotentRequest
from decider.models import Assessment

pytestmark = pytest.mark.django_db(transaction=True)


def post(body, key=None, path="/api/v1/recommendations"):
    headers = {"Idempotency-Key": key} if key else {}
    return Client(raise_request_exception=False).post(
        path, json.dumps(body), content_type="application/json", headers=headers
    )


def test_a_retry_with_the_same_key_returns_the_first_answer_without_saving_again(answers):
    first = post(answers, key="retry-1")
    again = post(answers, key="retry-1")
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again["Idempotent-Replayed"] == "true"
    assert Assessment.objects.count() == 1


def test_different_keys_save_different_assessments(answers):
    assert post(answers, key="a")["Content-Type"] == post(answers, key="b")["Content-Type"]
    assert Assessment.objects.count() == 2


def test_without_a_key_every_post_saves(answers):
    post(answers)
    post(answers)
    assert Assessment.objects.count() == 2


def test_a_key_reused_for_another_body_is_refused(answers):
    post(answers, key="reused")
    response = post({**answers, "teams": 2}, key="reused")
    assert response.status_code == 409
    assert "different request" in response.json()["detail"]
    assert Assessment.objects.count() == 1


def test_a_key_is_scoped_to_its_path(answers):
    post(answers, key="shared")
    response = post({"components": []}, key="shared", path="/api/v1/reviews")
    assert response.status_code == 201 and "architecture" in response.json()  # a review
    assert "Idempotent-Replayed" not in response


def test_a_refused_request_is_not_remembered(answers):
    assert post({**answers, "teams": 0}, key="fix-me").status_code == 422
    assert post(answers, key="fix-me").status_code == 201


def test_a_failed_request_saves_nothing_so_its_retry_runs_again(monkeypatch, answers):
    real = assessments.create_assessment

    def crash_after_saving(**kwargs):
        real(**kwargs)
        raise RuntimeError("worker died after saving")

    monkeypatch.setattr(assessments, "create_assessment", crash_after_saving)
    assert post(answers, key="crash").status_code == 500
    assert Assessment.objects.count() == 0  # rolled back with the key
    monkeypatch.setattr(assessments, "create_assessment", real)
    assert post(answers, key="crash").status_code == 201
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize("key", ["", "x" * 256, "with space", "ünïcode"])
def test_a_malformed_key_is_a_400(answers, key):
    response = Client().post(
        "/api/v1/recommendations",
        json.dumps(answers),
        content_type="application/json",
        headers={"Idempotency-Key": key},
    )
    assert response.status_code == 400


def test_old_keys_are_pruned(answers):
    first = post(answers, key="old").json()["id"]
    IdempotentRequest.objects.update(created="2020-01-01T00:00:00Z")
    assert prune() == 1
    assert post(answers, key="old").json()["id"] != first
