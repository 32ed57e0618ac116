import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_live_verdict_follows_the_answers_and_submitting_shows_the_result(
    live_server, page: Page
):
    page.goto(live_server.url)
    verdict = page.locator("#live-verdict")
    expect(verdict).to_have_attribute("data-architecture", "monolith")

    page.fill("#id_teams", "12")
    page.select_option("#id_deploy_contention", "constantly")
    page.select_option("#id_scaling", "divergent")
    page.select_option("#id_domain_clarity", "clear")
    for op in ("ci_cd", "observability", "containers"):
        page.check(f"input[name=ops][value={op}]")
    expect(verdict).to_have_attribute("data-architecture", "microservices")
    expect(page.locator("#live-style")).to_have_text("Microservices")

    page.fill("#id_teams", "1")
    expect(verdict).to_have_attribute("data-architecture", "monolith")
    page.fill("#id_teams", "12")
    expect(verdict).to_have_attribute("data-architecture", "microservices")

    page.click("button.primary")
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/$"))
    expect(page.locator("#style")).to_have_text("Microservices")
    expect(page.locator(".factor-chart")).to_be_visible()


def test_the_domains_editor_adds_and_removes_rows_in_place(live_server, page: Page):
    page.goto(live_server.url)
    rows = page.locator("tr.domain-row")
    expect(rows).to_have_count(3)
    page.fill("#id_teams", "5")
    page.click("text=Add a domain")
    expect(rows).to_have_count(4)
    page.fill("input[name=domains-3-name]", "payments")
    page.click("[aria-label='Remove domain 1']")
    expect(rows).to_have_count(3)
    expect(page.locator("input[name=domains-2-name]")).to_have_value("payments")
    expect(page.locator("#id_teams")).to_have_value("5")


def test_errors_show_beside_the_field_in_the_browser(live_server, page: Page):
    page.goto(live_server.url)
    page.fill("input[name=domains-0-depends_on]", "billing")
    page.click("button.primary")
    expect(page.locator("tr.domain-row.has-error .error")).to_have_text("Unknown domain 'billing'.")
    expect(page.locator("input[name=domains-0-depends_on]")).to_have_value("billing")


def test_the_questionnaire_works_without_javascript(live_server, no_js_page: Page):
    page = no_js_page
    page.goto(live_server.url)
    expect(page.locator("#live-verdict")).to_have_count(0)
    page.fill("#id_teams", "12")
    page.select_option("#id_deploy_contention", "constantly")
    page.select_option("#id_existing_system", "monolith")
    page.select_option("#id_domain_clarity", "clear")
    for op in ("ci_cd", "observability", "containers"):
        page.check(f"input[name=ops][value={op}]")
    page.click("text=Add a domain")
    expect(page.locator("tr.domain-row")).to_have_count(4)
    expect(page.locator("#id_teams")).to_have_value("12")
    page.click("button.primary")
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/$"))
    expect(page.locator("#style")).to_have_text("Incremental migration")
