"""Decider under gunicorn with `gunicorn.conf.py`, as `make serve` and the image run it:
chunked bodies, long query strings and a missing `dot`, seen from a real client."""

import http.client
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from tests.spare_services import Gunicorn, migrate

ANSWERS = {"teams": 3, "deploy_contention": "often", "scaling": "uniform",
           "tech_diversity": "none", "monolith_pain": 2}  # fmt: skip


@pytest.fixture(scope="module")
def database_url():
    folder = tempfile.mkdtemp(prefix="decider-gunicorn-db-")
    url = f"sqlite:///{folder}/db.sqlite3"
    migrate(url)
    yield url
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def server(database_url):
    server = Gunicorn({"DATABASE_URL": database_url, "DECIDER_ACCESS_LOG": "0"})
    yield server
    server.close()


@pytest.fixture(scope="module")
def server_without_dot(database_url):
    bin_without_dot = Path(tempfile.mkdtemp(prefix="decider-no-dot-"))
    python_dir = Path(os.path.realpath(sys.executable)).parent
    server = Gunicorn(
        {"DATABASE_URL": database_url, "PATH": f"{bin_without_dot}:{python_dir}",
         "DECIDER_ACCESS_LOG": "0"}
    )  # fmt: skip
    yield server
    server.close()
    shutil.rmtree(bin_without_dot, ignore_errors=True)


def request(server, method, path, body=None, headers=None, chunked=False):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    if chunked:
        connection.request(method, path, body=iter([body[:10], body[10:]]),
                           headers=headers or {}, encode_chunked=True)  # fmt: skip
    else:
        connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def test_a_chunked_body_is_read_whole(server):
    body = json.dumps(ANSWERS).encode()
    status, _, content = request(
        server, "POST", "/api/v1/recommendations", body,
        {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}, chunked=True,
    )  # fmt: skip
    assert status == 201, content
    assert json.loads(content)["answers"]["teams"] == 3


def test_a_long_query_string_is_the_apps_json_414(server):
    status, headers, content = request(server, "GET", "/api/v1/anti-patterns?q=" + "x" * 5000)
    assert status == 414 and headers["Content-Type"] == "application/json"
    assert "query string is too long" in json.loads(content)["detail"]


def test_a_text_plain_post_is_refused_with_415(server):
    body = json.dumps(ANSWERS).encode()
    status, _, content = request(
        server, "POST", "/api/v1/recommendations", body, {"Content-Type": "text/plain"}
    )
    assert status == 415 and json.loads(content)["detail"]


def test_without_dot_diagrams_are_503_and_the_rest_works(server_without_dot):
    body = json.dumps(ANSWERS).encode()
    status, _, content = request(
        server_without_dot, "POST", "/api/v1/recommendations", body,
        {"Content-Type": "application/json"},
    )  # fmt: skip
    assert status == 201
    assessment = json.loads(content)
    status, _, content = request(server_without_dot, "GET", assessment["diagram"]["svg"])
    assert status == 503 and b"not installed" in content
    assert request(server_without_dot, "GET", assessment["diagram"]["mmd"])[0] == 200
    status, _, page = request(server_without_dot, "GET", assessment["url"])
    assert status == 200 and b"cannot be drawn right now" in page
    status, _, content = request(server_without_dot, "GET", "/healthz")
    assert status == 503 and json.loads(content)["down"] == ["dot"]
