import logging

import pytest

from decider.request_id import RequestIdFilter, request_id_for

pytestmark = pytest.mark.django_db


def test_every_response_carries_a_request_id(client):
    for url in ("/", "/api/v1/anti-patterns", "/api/v1/nowhere", "/static/css/decider.css"):
        assert len(client.get(url)["X-Request-ID"]) == 32


def test_each_request_gets_its_own_id(client):
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


def test_a_sane_client_id_is_kept(client):
    sent = "req-2026.11.29:abc+def=="
    assert client.get("/", headers={"X-Request-ID": sent})["X-Request-ID"] == sent


@pytest.mark.parametrize(
    "sent", ["", "x" * 200, "has space", "new\nline", "<script>", "-leading-dash", "é"]
)
def test_an_insane_client_id_is_replaced(rf, sent):
    request = rf.get("/", headers={"X-Request-ID": sent})
    made = request_id_for(request)
    assert made != sent and len(made) == 32


def test_log_records_carry_the_request_id_of_the_request_they_describe(rf):
    request = rf.get("/")
    request.request_id = "abc123"
    record = logging.LogRecord("django.request", logging.WARNING, "", 0, "x", None, None)
    record.request = request
    RequestIdFilter().filter(record)
    assert record.request_id == "abc123"
