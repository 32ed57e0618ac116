"""PostgreSQL trouble, on a cluster and a proxy this test starts itself: a database that is
stopped or frozen gives quick 503s (JSON on the API, a page elsewhere), pages that need
no database keep working, and everything recovers as soon as it is back."""

import json
import time
import urllib.error
import urllib.request

import pytest

from tests.spare_services import FreezableProxy, Gunicorn, Postgres, migrate

ANSWERS = {"teams": 3, "deploy_contention": "often", "scaling": "uniform",
           "tech_diversity": "none", "monolith_pain": 2}  # fmt: skip


@pytest.fixture(scope="module")
def stack():
    postgres = Postgres()
    proxy = FreezableProxy(postgres.port)
    server = None
    try:
        migrate(postgres.url())
        server = Gunicorn({"DATABASE_URL": postgres.url(proxy.port), "DECIDER_ACCESS_LOG": "0"})
        yield postgres, proxy, server
    finally:
        if server is not None:
            server.close()
        proxy.close()
        postgres.close()


def call(server, method, path, body=None, accept="application/json"):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        server.url + path, data=data, method=method,
        headers={"Content-Type": "application/json", "Accept": accept},
    )  # fmt: skip
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, headers, content = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, content = error.code, error.headers, error.read()
    return status, headers, content, time.monotonic() - start


def test_a_frozen_database_gives_a_json_503_within_seconds_then_recovers(stack):
    _, proxy, server = stack
    assert call(server, "POST", "/api/v1/recommendations", ANSWERS)[0] == 201
    proxy.frozen.set()
    try:
        status, headers, content, seconds = call(server, "POST", "/api/v1/recommendations", ANSWERS)
        assert status == 503 and headers["Content-Type"] == "application/json"
        assert int(headers["Retry-After"]) > 0 and b"database" in content
        assert seconds < 8  # not gunicorn's 30 s timeout
        status, _, _, seconds = call(server, "GET", "/anti-patterns/", accept="text/html")
        assert status == 200 and seconds < 2  # pages without the database still work
        status, _, content, _ = call(server, "GET", "/healthz")
        assert status == 503 and json.loads(content)["down"] == ["database"]
    finally:
        proxy.frozen.clear()
    status, _, content, _ = call(server, "POST", "/api/v1/recommendations", ANSWERS)
    assert status == 201
    assessment = json.loads(content)
    assert call(server, "GET", f"/api/v1/assessments/{assessment['id']}")[0] == 200


def test_a_stopped_database_gives_503s_at_once_and_the_first_request_after_succeeds(stack):
    postgres, _, server = stack
    status, _, content, _ = call(server, "POST", "/api/v1/recommendations", ANSWERS)
    saved = json.loads(content)["id"]
    postgres.stop()
    try:
        status, headers, content, seconds = call(server, "POST", "/api/v1/recommendations", ANSWERS)
        assert status == 503 and json.loads(content)["detail"] and seconds < 3
        status, headers, content, _ = call(
            server, "GET", f"/assessments/{saved}/", accept="text/html"
        )
        assert status == 503 and headers["Content-Type"].startswith("text/html")
        assert b"Temporarily unavailable" in content and headers["Retry-After"]
    finally:
        postgres.start()
    # Persistent connections died with the server: health checks replace them at once.
    for _ in range(4):  # both workers, twice
        assert call(server, "GET", f"/api/v1/assessments/{saved}")[0] == 200
