import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.browser.axe import violations
from tests.browser.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


STRONG_CASE = {"deploy_contention": "constantly", "domain_clarity": "clear"}


def answer_a_strong_case(page: Page, **choices: str) -> None:
    """Twelve teams constantly waiting on each other, a clear domain and the basic
    operations tooling, plus `choices` (e.g. `scaling="divergent"`)."""
    page.fill("#id_teams", "12")
    for name, value in (STRONG_CASE | choices).items():
        page.select_option(f"#id_{name}", value)
    for op in ("ci_cd", "observability", "containers"):
        page.check(f"input[name=ops][value={op}]")


def test_the_live_verdict_follows_the_answers_and_submitting_shows_the_result(
    live_server, page: Page
):
    page.goto(live_server.url)
    verdict = page.locator("#live-verdict")
    expect(verdict).to_have_attribute("data-architecture", "monolith")

    answer_a_strong_case(page, scaling="divergent")
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
    page.click("[aria-label^='Remove domain 1 ']")
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
    answer_a_strong_case(page, existing_system="monolith")
    page.click("text=Add a domain")
    expect(page.locator("tr.domain-row")).to_have_count(4)
    expect(page.locator("#id_teams")).to_have_value("12")
    page.click("button.primary")
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/$"))
    expect(page.locator("#style")).to_have_text("Incremental migration")


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_enter_in_a_row_never_deletes_it_and_submits_the_answers(live_server, open_page, js):
    page = open_page(LAPTOP, js=js)
    page.goto(live_server.url)
    rows = page.locator("tr.domain-row")
    expect(rows).to_have_count(3)
    page.fill("input[name=domains-0-team]", "checkout")
    page.press("input[name=domains-0-team]", "Enter")
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/$"))
    page.go_back()
    page.goto(live_server.url)
    page.press("#id_teams", "Enter")
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/$"))


def test_a_keyboard_alone_adds_a_row_types_in_it_and_removes_it(live_server, page: Page):
    page.goto(live_server.url)
    add = page.locator("text=Add a domain")
    add.focus()
    page.keyboard.press("Enter")
    new_name = page.locator("input[name=domains-3-name]")
    expect(new_name).to_be_focused()
    page.keyboard.type("payments")
    expect(page.locator("tr.domain-row")).to_have_count(4)
    expect(page.locator("#domains-editor .error")).to_have_count(0)
    expect(page.locator("select[name=domains-3-load]")).to_have_value("normal")
    # Tab from the name through the row to its Remove button, and press it.
    for _ in range(5):
        page.keyboard.press("Tab")
    expect(page.locator("[aria-label^='Remove domain 4']")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("tr.domain-row")).to_have_count(3)
    expect(page.locator("input[name=domains-2-name]")).to_be_focused()


def test_without_javascript_adding_a_row_returns_to_it_without_errors(live_server, no_js_page):
    page = no_js_page
    page.goto(live_server.url)
    page.click("text=Add a domain")
    expect(page.locator("tr.domain-row")).to_have_count(4)
    assert urlparse(page.url).fragment == "domains-row-3"
    expect(page.locator("input[name=domains-3-name]")).to_have_attribute("autofocus", "")
    expect(page.locator(".error, .error-summary")).to_have_count(0)
    preview = page.locator("#preview")
    expect(preview).not_to_contain_text("appears here as you answer", use_inner_text=True)
    expect(preview).to_contain_text("Without JavaScript, the verdict appears", use_inner_text=True)


def test_the_live_region_says_one_sentence_and_only_when_the_verdict_changes(
    live_server, page: Page
):
    page.goto(live_server.url)
    expect(page.locator("#live-verdict")).to_have_attribute("data-architecture", "monolith")
    expect(page.locator("[aria-live], [role=status], [role=alert]")).to_have_count(1)
    status = page.locator("#verdict-status")
    page.evaluate("""() => {
        window.statusChanges = 0;
        new MutationObserver(() => window.statusChanges++).observe(
            document.getElementById("verdict-status"), {childList: true, characterData: true, subtree: true});
    }""")
    # A new name changes nothing in the verdict: the region stays silent.
    page.fill("input[name=domains-0-name]", "accounts")
    page.wait_for_timeout(900)
    assert page.evaluate("window.statusChanges") == 0
    answer_a_strong_case(page, scaling="divergent")
    expect(page.locator("#live-verdict")).to_have_attribute("data-architecture", "microservices")
    expect(status).to_have_text(re.compile(r"^Live verdict: Microservices, confidence \w+\.$"))
    assert len(status.inner_text().split()) < 10


def test_preview_problems_use_the_labels_people_see(live_server, page: Page):
    page.goto(live_server.url)
    page.fill("input[name=domains-1-depends_on]", "user")
    expect(page.locator("#live-verdict .errors")).to_contain_text(
        "Domain 2 (orders), Calls (sync): Unknown domain 'user'."
    )
    assert "depends_on" not in page.locator("#live-verdict").inner_text()


def test_an_example_fills_the_questionnaire(live_server, page: Page):
    page.goto(live_server.url)
    page.click("#examples summary")
    page.click("text=Large enterprise")
    expect(page.locator("#id_teams")).to_have_value("40")
    expect(page.locator("#examples summary")).to_contain_text("Large enterprise")
    expect(page.locator("#live-verdict")).to_have_attribute("data-style", "microservices")


def test_on_a_phone_the_verdict_sits_above_the_submit_button(live_server, open_page):
    page = open_page(PHONE)
    page.goto(live_server.url)
    verdict = page.locator("#live-verdict")
    expect(verdict).to_be_visible()
    submit = page.locator("button.primary").bounding_box()
    assert verdict.bounding_box()["y"] < submit["y"]
    for select in page.locator("#questionnaire select").all():
        box = select.bounding_box()
        assert box is None or box["x"] + box["width"] <= PHONE


def test_axe_finds_nothing_after_the_preview_and_the_rows_are_swapped(live_server, page: Page):
    page.goto(live_server.url)
    page.fill("input[name=domains-0-depends_on]", "nowhere")
    expect(page.locator("#live-verdict.verdict-pending")).to_be_visible()
    page.click("text=Add a domain")
    expect(page.locator("tr.domain-row")).to_have_count(4)
    assert violations(page) == []


def test_the_questionnaire_is_light_and_asks_no_other_host(live_server, page: Page):
    sizes, hosts = {}, set()

    def seen(response):
        hosts.add(urlparse(response.url).netloc)
        sizes[response.url] = len(response.body())

    page.on("response", seen)
    page.goto(live_server.url)
    expect(page.locator("#live-verdict")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert hosts == {urlparse(live_server.url).netloc}
    assert sum(sizes.values()) < 120_000, sizes


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_from_the_questionnaire_to_the_result_at_any_width(live_server, open_page, width, js):
    page = open_page(width, js=js)
    page.goto(live_server.url)
    answer_a_strong_case(page, existing_system="monolith")
    page.click("button.primary")
    expect(page).to_have_url(re.compile(r"/assessments/[0-9a-f-]{36}/$"))
    expect(page.locator("#style")).to_have_text("Incremental migration")
    expect(page.locator("#diagram svg")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
