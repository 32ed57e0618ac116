import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_live_review_follows_edits_and_saving_shows_the_marked_diagram(live_server, page: Page):
    page.goto(f"{live_server.url}/review/?example=clean")
    findings = page.locator("#live-findings")
    expect(findings).to_have_attribute("data-count", "0")

    # Point a second service at the first service's datastore: shared persistence.
    rows = page.locator("tr.link-row")
    before = rows.count()
    page.click("text=Add a link")
    expect(rows).to_have_count(before + 1)
    last = rows.last
    last.locator("input[name$=-source]").fill("payments")
    last.locator("input[name$=-target]").fill("orders-db")
    last.locator("input[name$=-target]").press("Tab")
    expect(page.locator("#live-findings .finding", has_text="Shared Persistence")).to_be_visible()

    page.click("#build button.primary")
    expect(page).to_have_url(re.compile(r"/reviews/[0-9a-f-]{36}/$"))
    expect(page.locator("#warnings")).to_contain_text("Shared Persistence")
    expect(page.locator("#diagram svg")).to_contain_text("⚠ 1")


def test_a_review_can_be_built_without_javascript(live_server, no_js_page: Page):
    page = no_js_page
    page.goto(f"{live_server.url}/review/?example=no_gateway")
    page.click("#build button.primary")
    expect(page).to_have_url(re.compile(r"/reviews/[0-9a-f-]{36}/$"))
    expect(page.locator("#warnings")).to_contain_text("No API Gateway")


DEPLOYMENTS = Path(__file__).parents[2] / "fixtures" / "deployments" / "eshoponcontainers"


def test_a_compose_file_and_its_override_are_uploaded_at_once(live_server, page: Page):
    page.goto(f"{live_server.url}/review/")
    page.click("#import summary")
    page.set_input_files(
        "#import input[type=file]",
        [DEPLOYMENTS / "docker-compose.yml", DEPLOYMENTS / "docker-compose.override.yml"],
    )
    page.click("#import button.primary")
    expect(page).to_have_url(re.compile(r"/reviews/[0-9a-f-]{36}/$"))
    expect(page.locator("#source")).to_contain_text("docker-compose.override.yml")
    expect(page.locator("#import-warnings")).to_contain_text("sqldata/OrderingDb")
    expect(page.locator("#warnings")).to_contain_text("Shared Persistence")
    page.click("#evidence summary")
    expect(page.locator("#evidence")).to_contain_text(
        "services.basket-api.environment.EventBusConnection"
    )
    expect(page.locator("body")).not_to_contain_text("Pass@word")
