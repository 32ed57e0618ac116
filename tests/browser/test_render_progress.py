"""A large diagram drawn on the task queue: the page shows a progress placeholder, and
htmx swaps the picture in once a worker has drawn it; a download waits on its own page."""

import json

import pytest
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import Page, expect

from tests.decider.jobs.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def assessment(settings, answers):
    settings.RENDER_TASK_BYTES = {"png": 10, "pdf": 10, "svg": 10}
    cache.clear()
    response = Client().post(
        "/api/v1/recommendations", json.dumps(answers), content_type="application/json"
    )
    return response.json()


def test_the_placeholder_becomes_the_diagram_when_the_worker_is_done(
    live_server, page: Page, assessment
):
    page.goto(live_server.url + assessment["url"])
    placeholder = page.locator(".render-progress")
    expect(placeholder).to_be_visible()
    expect(placeholder.locator("progress")).to_be_visible()
    page.wait_for_timeout(1500)  # htmx polls; still drawing
    expect(placeholder).to_be_visible()
    run_worker()
    expect(page.locator("#diagram .diagram svg").first).to_be_visible(timeout=10_000)
    expect(page.locator(".render-progress")).to_have_count(0)


def test_a_download_link_waits_on_a_progress_page_then_offers_the_file(
    live_server, page: Page, assessment
):
    page.goto(live_server.url + assessment["diagram"]["pdf"])
    expect(page.locator("#task-progress")).to_have_attribute("data-status", "queued")
    run_worker()
    with page.expect_download(timeout=10_000) as download:
        page.wait_for_timeout(100)  # htmx polls, then sends the browser to the file
    assert download.value.suggested_filename.endswith(".pdf")
