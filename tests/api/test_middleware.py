"""Every response under /api/ is JSON, errors included; bodies come in documented types."""

import io
import json

import pytest
from django.test import Client

from decider.api.middleware import QUERY_LIMIT

pytestmark = pytest.mark.django_db


def assert_json_error(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert isinstance(response.json()["detail"], str | list)


def test_an_unknown_api_path_is_a_json_404(client):
    assert_json_error(client.get("/api/v1/no-such-thing"), 404)
    assert_json_error(client.get("/api/v2/"), 404)


def test_an_unknown_page_stays_an_html_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_a_wrong_method_is_a_json_405_that_says_what_is_allowed(client):
    response = client.delete("/api/v1/anti-patterns")
    assert_json_error(response, 405)
    assert "GET" in response["Allow"]


def test_an_overlong_query_string_is_a_json_414(client):
    assert_json_error(client.get("/api/v1/anti-patterns?q=" + "x" * QUERY_LIMIT), 414)
    assert client.get("/api/v1/anti-patterns?q=short").status_code == 200


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_a_body_in_an_undocumented_type_is_a_415(client, answers, content_type):
    # A cross-site HTML form can send text/plain: it must never be read as JSON.
    response = client.post(
        "/api/v1/recommendations", json.dumps(answers), content_type=content_type
    )
    assert_json_error(response, 415)
    assert "application/json" in response.json()["detail"]


def test_documented_types_are_accepted_with_their_common_spellings(client):
    yaml = b"tosca_definitions_version: micro_tosca_yaml_1.1\n"
    response = client.post("/api/v1/reviews", yaml, content_type="text/x-yaml")
    assert response.status_code != 415
    response = client.post("/api/v1/decompositions", b"a,b\n", content_type="application/csv")
    assert response.status_code != 415


def test_json_with_a_charset_is_json(client, answers):
    response = client.post(
        "/api/v1/recommendations",
        json.dumps(answers),
        content_type="application/json; charset=utf-8",
    )
    assert response.status_code == 201


def chunked(body: bytes, *, terminated: bool) -> dict:
    environ = {
        "HTTP_TRANSFER_ENCODING": "chunked",
        "CONTENT_TYPE": "application/json",
        "wsgi.input": io.BytesIO(body),
    }
    if terminated:  # gunicorn decodes chunked input and says so
        environ["wsgi.input_terminated"] = True
    return environ


def test_a_chunked_body_is_read_whole_when_the_server_can(answers):
    body = json.dumps(answers).encode()
    response = Client().generic(
        "POST", "/api/v1/recommendations", b"", **chunked(body, terminated=True)
    )
    assert response.status_code == 201
    assert response.json()["answers"]["teams"] == answers["teams"]


def test_a_chunked_body_is_refused_with_411_when_the_server_cannot(answers):
    body = json.dumps(answers).encode()
    response = Client().generic(
        "POST", "/api/v1/recommendations", b"", **chunked(body, terminated=False)
    )
    assert_json_error(response, 411)


def test_a_chunked_body_over_the_limit_is_a_413(settings):
    settings.BODY_LIMIT = 100
    response = Client().generic(
        "POST", "/api/v1/recommendations", b"", **chunked(b"[" * 500, terminated=True)
    )
    assert_json_error(response, 413)


def test_a_body_over_the_limit_is_a_json_413(client, settings):
    settings.BODY_LIMIT = 100
    response = client.post("/api/v1/recommendations", "x" * 200, content_type="application/json")
    assert_json_error(response, 413)


def test_a_malformed_content_length_is_an_answer_not_a_500():
    client = Client(raise_request_exception=False)
    response = client.generic(
        "POST", "/api/v1/recommendations", b"{}", "text/plain", CONTENT_LENGTH="two"
    )
    assert response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
