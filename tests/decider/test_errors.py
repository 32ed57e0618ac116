import json

import pytest
from django.db.utils import InterfaceError, OperationalError
from django.test import Client

from decider.idempotency import middleware as idempotency
from decider.views import catalog

pytestmark = pytest.mark.django_db


def client() -> Client:
    return Client(raise_request_exception=False)


def test_a_page_error_is_a_500_page_with_the_request_id(monkeypatch):
    monkeypatch.setattr(catalog, "catalog", lambda: 1 / 0)
    response = client().get("/anti-patterns/", headers={"X-Request-ID": "page-id-7"})
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "page-id-7" in response.content.decode()


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_during_a_database_outage_is_a_friendly_503(monkeypatch, error):
    def down():
        raise error("server closed the connection unexpectedly")

    monkeypatch.setattr(catalog, "catalog", down)
    response = client().get("/anti-patterns/")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert int(response["Retry-After"]) > 0
    assert "Temporarily unavailable" in response.content.decode()
    assert "server closed" not in response.content.decode()


def test_an_outage_seen_by_middleware_under_api_is_a_json_503(monkeypatch, answers):
    def down(*args):
        raise OperationalError("could not connect")

    monkeypatch.setattr(idempotency, "_stored", down)
    response = client().post(
        "/api/v1/recommendations",
        json.dumps(answers),
        content_type="application/json",
        headers={"Idempotency-Key": "k1"},
    )
    assert response.status_code == 503
    assert response.json()["detail"].startswith("The database is not answering")


def test_a_page_not_found_is_html_and_an_api_path_json():
    assert client().get("/nope/")["Content-Type"].startswith("text/html")
    assert client().get("/api/nope")["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("first", ["decider.errors", "decider.api.errors", "decider.urls"])
def test_the_error_handlers_import_first_without_a_cycle(first):
    # Gunicorn imports the URL conf, whose first import is the error handlers.
    import os
    import subprocess
    import sys

    env = os.environ | {"DJANGO_SETTINGS_MODULE": "decider.settings", "DJANGO_DEBUG": "1"}
    code = f"import django; django.setup(); import {first}; import decider.api.site"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
