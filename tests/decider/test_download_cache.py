import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from decider.release import release

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(client, answers):
    cache.clear()
    return client.post("/api/v1/recommendations", answers, content_type="application/json").json()


def test_a_second_download_is_answered_without_the_database(
    client, assessment, django_assert_num_queries
):
    url = assessment["diagram"]["svg"]
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200 and again.content == first.content
    for header in ("Content-Type", "Content-Disposition", "ETag", "Content-Security-Policy"):
        assert again[header] == first[header]


def test_a_conditional_download_is_a_304_from_the_kept_etag(
    client, assessment, django_assert_num_queries
):
    url = assessment["diagram"]["png"]
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        response = client.get(url, headers={"If-None-Match": f"W/{etag}"})
    assert response.status_code == 304 and response["ETag"] == etag and not response.content


def test_deleting_a_saved_result_forgets_its_downloads(client, assessment):
    url = assessment["diagram"]["mmd"]
    client.get(url)
    client.delete(f"/api/v1/assessments/{assessment['id']}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) > 0  # the view, and so the database, is asked again


def test_only_successful_downloads_are_kept(client, assessment, settings):
    settings.RENDER_LIMIT_BYTES = {**settings.RENDER_LIMIT_BYTES, "png": 10}
    url = assessment["diagram"]["png"]
    assert client.get(url).status_code == 422
    settings.RENDER_LIMIT_BYTES = {**settings.RENDER_LIMIT_BYTES, "png": 10**6}
    assert client.get(url).status_code == 200


def test_unknown_ids_are_not_kept(client):
    url = "/api/v1/assessments/00000000-0000-0000-0000-000000000000/diagram.svg"
    assert client.get(url).status_code == 404
    assert cache.get(f"download:{release()}:{url}") is None
