import re

import pytest
from playwright.sync_api import Page, expect

from tests.project_archives import locallibrary_files, zipped

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERMALINK = re.compile(r"/decompositions/[0-9a-f-]{36}/$")


def decompose_example(page: Page, url: str, slug: str) -> None:
    page.goto(f"{url}/decompose/")
    page.click(f"[data-example={slug}]")
    expect(page.locator("#id_monolith")).not_to_have_value("")
    page.click("button.primary")
    expect(page).to_have_url(PERMALINK)


def test_an_example_decomposes_automatically_and_the_slider_updates_candidates_and_title(
    live_server, page: Page
):
    decompose_example(page, live_server.url, "shop")
    first_url = page.url
    count = page.locator("#candidate-count")
    expect(page.locator("#granularity-reason")).to_contain_text("chosen automatically")
    expect(page.locator("#id_mode_0")).to_be_checked()
    shown = count.inner_text()
    expect(page).to_have_title(f"{shown} service candidates · Decider")
    expect(page.locator("tr.candidate")).to_have_count(int(shown))
    expect(page.locator("#diagram svg").first).to_be_visible()

    page.locator("#id_granularity").fill("4")
    expect(count).to_have_text("6")
    expect(page.locator("#resolution")).to_have_text("0.5")
    expect(page.locator("#granularity-reason")).to_contain_text("set by hand")
    expect(page.locator("#id_mode_1")).to_be_checked()
    # The page's title follows the swap (it used to keep the first count).
    expect(page).to_have_title("6 service candidates · Decider")
    expect(page).to_have_url(PERMALINK)
    assert page.url != first_url
    expect(page.locator("#plan li.step").first).to_contain_text("Extract")
    expect(page.locator("#diagram svg").first).to_be_visible()


def test_teams_size_the_candidates_as_soon_as_they_are_typed(live_server, page: Page):
    decompose_example(page, live_server.url, "shop")
    page.locator("#id_granularity").fill("12")
    expect(page.locator("#id_mode_1")).to_be_checked()
    page.fill("#id_teams", "3")
    page.locator("#id_teams").dispatch_event("change")
    expect(page.locator("#granularity-reason")).to_contain_text("3 teams")
    expect(page.locator("#id_mode_0")).to_be_checked()
    expect(page.locator("#id_teams")).to_have_value("3")


def test_each_examples_label_counts_the_modules_it_loads(live_server, page: Page):
    page.goto(f"{live_server.url}/decompose/")
    labels = {
        slug: page.locator(f"[data-example={slug}]").inner_text()
        for slug in ("shop", "back_office", "bookshop")
    }
    for slug, label in labels.items():
        decompose_example(page, live_server.url, slug)
        modules = page.locator("#module-count").inner_text()
        assert f", {modules} modules)" in label, (slug, label)


def test_problems_show_beside_the_text_box_and_keep_the_input(live_server, page: Page):
    page.goto(f"{live_server.url}/decompose/")
    page.fill("#id_monolith", "source,target,count\norders,billing,lots\n")
    page.click("button.primary")
    expect(page.locator("#problems-monolith")).to_contain_text(
        "line 2 count: Must be a positive whole number."
    )
    expect(page.locator("#id_monolith")).to_have_value(re.compile("orders,billing,lots"))


def test_a_real_django_project_archive_uploads_and_decomposes(live_server, page: Page, tmp_path):
    archive = tmp_path / "locallibrary.zip"
    archive.write_bytes(zipped(locallibrary_files()))
    page.goto(f"{live_server.url}/decompose/")
    page.set_input_files("#id_file", str(archive))
    page.click("button.primary")

    expect(page).to_have_url(PERMALINK)
    expect(page.locator("#notes")).to_contain_text("Unpacked 19 Python files from locallibrary.zip")
    expect(page.locator("#notes")).to_contain_text("Found 1 apps and 5 models")
    expect(page.locator("#candidates")).to_contain_text("catalog.models")
    expect(page.locator("#candidates")).to_contain_text("catalog_bookinstance")


def test_a_hostile_archive_is_refused_beside_the_upload(live_server, page: Page, tmp_path):
    archive = tmp_path / "evil.zip"
    archive.write_bytes(zipped({"../../escaped.py": b"X = 1\n"}))
    page.goto(f"{live_server.url}/decompose/")
    page.set_input_files("#id_file", str(archive))
    page.click("button.primary")
    expect(page.locator("#problems-file")).to_contain_text("would be written outside the folder")


def test_decomposing_and_the_slider_work_without_javascript(live_server, no_js_page: Page):
    page = no_js_page
    page.goto(f"{live_server.url}/decompose/")
    page.click("[data-example=bookshop]")
    expect(page).to_have_url(re.compile(r"\?example=bookshop$"))
    page.click("button.primary")
    expect(page).to_have_url(PERMALINK)
    expect(page.locator("#granularity-reason")).to_contain_text("chosen automatically")
    before = int(page.locator("#candidate-count").inner_text())

    # Nothing ticks "by hand" without JavaScript: moving the slider is enough.
    page.locator("#id_granularity").fill("15")
    page.click("#rerun-form button[type=submit]")
    expect(page).to_have_url(PERMALINK)
    expect(page.locator("#granularity-reason")).to_contain_text("set by hand")
    assert int(page.locator("#candidate-count").inner_text()) > before

    page.check("#id_mode_0")
    page.fill("#id_teams", "2")
    page.click("#rerun-form button[type=submit]")
    expect(page.locator("#granularity-reason")).to_contain_text("2 teams")
