"""Re-running an assessment with changed answers, and seeing why the verdict moved."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_what_if_re_runs_and_the_comparison_explains_the_change(
    live_server, open_page, saved_assessment, width, js
):
    page: Page = open_page(width, js=js)
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    page.click("#what-if a.button")
    expect(page.locator("#what-if-notice")).to_be_visible()
    expect(page.locator("#id_teams")).to_have_value(str(saved_assessment.answers["teams"]))
    page.fill("#id_teams", "1")
    page.click(".questionnaire-actions button.primary")
    page.wait_for_url("**/assessments/*/")
    page.click("#compare-previous")
    expect(page.locator("#explanation")).to_contain_text(
        "The verdict moved from incremental migration"
    )
    expect(page.locator("#answers")).to_contain_text("How many teams build and run the product?")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
