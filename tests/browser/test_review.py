import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import violations
from tests.browser.conftest import LAPTOP

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


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_enter_in_a_team_cell_saves_the_review_and_deletes_nothing(live_server, open_page, js):
    page = open_page(LAPTOP, js=js)
    page.goto(f"{live_server.url}/review/?example=clean")
    rows = page.locator("tr.component-row").count()
    team = page.locator("input[name=components-2-team]")
    team.fill("platform")
    team.press("Enter")
    expect(page).to_have_url(re.compile(r"/reviews/[0-9a-f-]{36}/$"))
    expect(page.locator("#summary")).to_contain_text(f"{rows} components")


def test_a_keyboard_adds_a_component_with_focus_in_its_name(live_server, page: Page):
    page.goto(f"{live_server.url}/review/")
    rows = page.locator("tr.component-row")
    before = rows.count()
    page.locator("text=Add a component").focus()
    page.keyboard.press("Enter")
    expect(rows).to_have_count(before + 1)
    expect(page.locator(f"input[name=components-{before}-name]")).to_be_focused()
    expect(page.locator(f"select[name=components-{before}-kind]")).to_have_value("service")
    expect(page.locator("#builder-rows .error")).to_have_count(0)


def test_names_fit_their_cells_and_the_live_diagram_is_readable(live_server, page: Page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/review/?example=shared_database")
    expect(page.locator("#live-findings")).to_be_visible()
    cut = page.locator(".rows input[type=text]").evaluate_all(
        "els => els.filter(e => e.scrollWidth > e.clientWidth).map(e => e.value)"
    )
    assert cut == []
    sizes = page.locator("#analysis svg text").evaluate_all(
        "els => els.filter(e => e.textContent.trim()).map(e => e.getBoundingClientRect().height)"
    )
    assert min(sizes) >= 8.5  # pixels: at least three quarters of 9-point text


def test_axe_finds_nothing_after_the_live_review_is_swapped(live_server, page: Page):
    page.goto(f"{live_server.url}/review/?example=clean")
    page.locator("input[name=components-0-name]").fill("")
    page.locator("input[name=links-0-target]").fill("nowhere")
    expect(page.locator("#live-findings.verdict-pending")).to_be_visible()
    assert violations(page) == []
    expect(page.locator("#live-findings")).not_to_contain_text("source:")
