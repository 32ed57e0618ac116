import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERMALINK = re.compile(r"/decompositions/[0-9a-f-]{36}/$")


def test_an_example_decomposes_and_the_slider_changes_the_candidates(live_server, page: Page):
    page.goto(f"{live_server.url}/decompose/")
    page.click("[data-example=shop]")
    expect(page.locator("#id_monolith")).to_have_value(re.compile("catalog.products"))
    page.click("button.primary")

    expect(page).to_have_url(PERMALINK)
    first_url = page.url
    count = page.locator("#candidate-count")
    expect(count).to_have_text("7")
    expect(page.locator("tr.candidate")).to_have_count(7)
    expect(page.locator("#plan li.step").first).to_contain_text("Extract catalog")
    expect(page.locator("#diagram svg").first).to_be_visible()

    page.locator("#id_granularity").fill("4")
    expect(count).to_have_text("6")
    expect(page.locator("#resolution")).to_have_text("0.5")
    expect(page).to_have_url(PERMALINK)
    assert page.url != first_url
    expect(page.locator("#diagram svg").first).to_be_visible()


def test_problems_show_beside_the_text_box_and_keep_the_input(live_server, page: Page):
    page.goto(f"{live_server.url}/decompose/")
    page.fill("#id_monolith", "source,target,count\norders,billing,lots\n")
    page.click("button.primary")
    expect(page.locator("#problems-monolith")).to_contain_text(
        "line 2 count: Must be a positive whole number."
    )
    expect(page.locator("#id_monolith")).to_have_value(re.compile("orders,billing,lots"))


def test_decomposing_works_without_javascript(live_server, no_js_page: Page):
    page = no_js_page
    page.goto(f"{live_server.url}/decompose/")
    page.click("[data-example=bookshop]")
    expect(page).to_have_url(re.compile(r"\?example=bookshop$"))
    page.click("button.primary")
    expect(page).to_have_url(PERMALINK)
    before = int(page.locator("#candidate-count").inner_text())

    page.locator("#id_granularity").fill("12")
    page.click("#rerun-form button[type=submit]")
    expect(page).to_have_url(PERMALINK)
    after = int(page.locator("#candidate-count").inner_text())
    assert after > before
