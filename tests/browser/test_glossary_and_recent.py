import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import LAPTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_glossary_explains_the_terms_and_what_a_microservice_is_not(live_server, page: Page):
    page.goto(f"{live_server.url}/glossary/")
    for term in ("Monolith", "Modular monolith", "Microservice", "Bounded context",
                 "API gateway", "Strangler fig", "Saga", "Eventual consistency",
                 "Service discovery", "Circuit breaker"):  # fmt: skip
        expect(page.locator("dt", has_text=re.compile(f"^{term}$"))).to_have_count(1)
    note = page.locator("#not-a-miniseries")
    expect(note).to_contain_text("miniseries")
    expect(note).to_contain_text("micro-series")


def test_explanations_on_the_result_link_to_the_glossary(live_server, page: Page, saved_assessment):
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    page.click("#option-modular_monolith h3 a")
    expect(page).to_have_url(re.compile(r"/glossary/#modular-monolith$"))
    expect(page.locator("#modular-monolith")).to_be_visible()


def test_recent_work_is_this_browsers_only(live_server, open_page, saved_review):
    page = open_page(LAPTOP)  # each a context of its own: two browsers
    page.goto(live_server.url)
    page.click("button.primary")
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/$"))
    assessment_url = page.url
    page.goto(live_server.url + saved_review.get_absolute_url())
    page.click("header nav >> text=Recent")
    entries = page.locator(".recent-entry")
    expect(entries).to_have_count(2)
    expect(entries.first).to_have_attribute("data-kind", "review")
    page.click(".recent-entry[data-kind=assessment] a")
    expect(page).to_have_url(assessment_url)

    other = open_page(LAPTOP)
    other.goto(f"{live_server.url}/recent/")
    expect(other.locator("#no-recent")).to_be_visible()
    expect(other.locator(".recent-entry")).to_have_count(0)

    page.goto(f"{live_server.url}/recent/")
    page.click("text=Forget this list")
    expect(page.locator("#no-recent")).to_be_visible()
