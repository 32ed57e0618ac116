"""The API's own error handling: a JSON 500 that logs its traceback with the request id,
and a JSON 503 when the database is unavailable."""

import json
import logging

import pytest
from django.db.utils import OperationalError
from django.test import Client

from decider.api import assessments

pytestmark = pytest.mark.django_db


def post(answers, **headers):
    client = Client(raise_request_exception=False)
    return client.post(
        "/api/v1/recommendations",
        json.dumps(answers),
        content_type="application/json",
        headers=headers,
    )


def test_an_unexpected_error_is_a_json_500_naming_the_request_id(monkeypatch, answers, caplog):
    def broken(**kwargs):
        raise RuntimeError("the engine fell over")

    monkeypatch.setattr(assessments, "create_assessment", broken)
    with caplog.at_level(logging.ERROR, logger="decider.api"):
        response = post(answers, **{"X-Request-ID": "client-id-42"})
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["request_id"] == "client-id-42"
    assert response["X-Request-ID"] == "client-id-42"
    [record] = [r for r in caplog.records if r.name == "decider.api"]
    assert "client-id-42" in record.getMessage()
    assert record.exc_info and "the engine fell over" in str(record.exc_info[1])


def test_the_500_body_shows_no_traceback(monkeypatch, answers):
    monkeypatch.setattr(assessments, "create_assessment", lambda **kw: 1 / 0)
    assert "ZeroDivisionError" not in post(answers).content.decode()


def test_a_database_outage_is_a_json_503_with_retry_after(monkeypatch, answers):
    def down(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(assessments, "create_assessment", down)
    response = post(answers)
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert int(response["Retry-After"]) > 0
    assert "database" in response.json()["detail"]
