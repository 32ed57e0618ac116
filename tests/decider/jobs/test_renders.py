"""Large diagrams are drawn by a task worker: 202 and a status URL for programs, a
progress page for browsers, a placeholder that htmx replaces on pages."""

import re

import pytest
from django.core.cache import cache

from decider.jobs.models import Rendering
from tests.decider.jobs.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def every_render_is_large(settings):
    settings.RENDER_TASK_BYTES = {"png": 10, "pdf": 10, "svg": 10}
    cache.clear()


@pytest.fixture
def assessment(client, answers):
    return client.post("/api/v1/recommendations", answers, content_type="application/json").json()


def test_a_large_png_answers_202_with_a_status_url_then_the_picture(client, assessment):
    url = assessment["diagram"]["png"]
    accepted = client.get(url)
    assert accepted.status_code == 202
    body = accepted.json()
    assert accepted["Location"] == body["status_url"] and body["url"] == url
    assert client.get(body["status_url"]).json()["status"] == "queued"
    assert client.get(url).json()["status_url"] == body["status_url"]  # queued once
    run_worker()
    assert client.get(body["status_url"]).json()["status"] == "done"
    done = client.get(url)
    assert done.status_code == 200 and done.content.startswith(PNG)
    assert Rendering.objects.get().status == Rendering.Status.DONE


def test_the_rendered_picture_survives_a_cleared_cache(client, assessment):
    url = assessment["diagram"]["pdf"]
    client.get(url)
    run_worker()
    cache.clear()  # another instance, or an evicted entry: the database still has it
    assert client.get(url).content.startswith(b"%PDF-")


def test_a_browser_is_sent_to_the_progress_page_and_back(client, assessment):
    url = assessment["diagram"]["png"]
    redirect = client.get(url, headers={"Accept": "text/html,*/*;q=0.8"})
    assert redirect.status_code == 303 and redirect["Location"].startswith("/tasks/")
    page = client.get(redirect["Location"])
    assert b"<progress" in page.content
    run_worker()
    back = client.get(redirect["Location"])
    assert back.status_code == 302 and back["Location"] == url


def test_a_page_shows_a_placeholder_that_htmx_replaces_with_the_svg(client, assessment):
    page = client.get(assessment["url"]).content.decode()
    [poll] = re.findall(r'hx-get="(/renders/[^"]+/)"', page)
    assert "being drawn in the background" in page
    waiting = client.get(poll)
    assert b"render-progress" in waiting.content
    run_worker()
    svg = client.get(poll).content.decode()
    assert svg.startswith("<svg") and "<?xml" not in svg


def test_a_failed_large_render_is_reported_and_not_queued_again(client, assessment, monkeypatch):
    from architectures.render import RenderFailed
    from decider import diagrams

    def failing(dot, fmt):
        raise RenderFailed("The diagram could not be drawn.")

    monkeypatch.setattr(diagrams, "render", failing)
    url = assessment["diagram"]["svg"]
    client.get(url)
    run_worker()
    failed = client.get(url)
    assert failed.status_code == 503 and "could not be drawn" in failed.json()["detail"]
    assert Rendering.objects.count() == 1 and Rendering.objects.get().status == "failed"


def test_old_renderings_are_pruned(client, assessment):
    from decider.jobs.renders import prune

    client.get(assessment["diagram"]["pdf"])
    run_worker()
    assert prune() == 0
    Rendering.objects.update(updated="2020-01-01T00:00:00Z")
    assert prune() == 1
