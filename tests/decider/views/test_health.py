import pytest
from django.test import override_settings

from tests.spare_services import Redis, started

pytestmark = pytest.mark.django_db


def test_healthz_is_200_when_everything_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "down": [],
        "checks": {"database": "ok", "cache": "ok", "dot": "ok"},
    }
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_names_dot_when_graphviz_is_missing(client, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["dot"]
    assert response["Retry-After"]


def test_healthz_names_the_cache_when_redis_is_down(client):
    with started(Redis()) as redis:
        url = redis.url
    caches = {"default": {"BACKEND": "decider.caches.ResilientRedisCache", "LOCATION": url}}
    with override_settings(CACHES=caches):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["down"] == ["cache"]
    assert "ConnectionError" in response.json()["checks"]["cache"]


def test_healthz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/anti-patterns/").status_code == 301
