"""Every page at a phone's and a laptop's width: no sideways scrolling, with JavaScript on
and off, no axe-core violation of any impact, and nothing the Content Security Policy
refuses."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from decider.assessments import create_assessment
from decider.engine.answers import parse_answers
from tests.browser.axe import violations
from tests.browser.conftest import LAPTOP, PHONE, WIDTHS, decompose

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATIC_PAGES = ("/", "/review/", "/decompose/", "/anti-patterns/", "/glossary/", "/recent/")
# Swagger UI's own markup has contrast and nesting problems we cannot fix; the page
# around it (header, landmarks, language, the no-JavaScript fallback) is checked.
API_DOCS = "/api/v1/docs"
SWAGGER = "#swagger-ui"


def saved_pages(live_server, page: Page, saved_assessment, saved_review) -> list[str]:
    decomposition = decompose(page, live_server.url, "shop").removeprefix(live_server.url)
    rerun = create_assessment(
        answers=parse_answers(saved_assessment.answers | {"teams": 1}), previous=saved_assessment
    )
    return [
        saved_assessment.get_absolute_url(),
        saved_review.get_absolute_url(),
        decomposition,
        reverse("what_if", args=[saved_assessment.pk]),
        reverse("compare", args=[saved_assessment.pk, rerun.pk]),
    ]


def assert_fits(page: Page, path: str) -> None:
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert scroll <= inner, f"{path} is {scroll} px wide in a {inner} px window"


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_window_and_axe_finds_nothing(
    live_server, open_page, width, saved_assessment, saved_review
):
    page = open_page(width)
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append((page.url, message.text))
            if "Content Security Policy" in message.text
            else None
        ),
    )
    paths = [*STATIC_PAGES, *saved_pages(live_server, page, saved_assessment, saved_review)]
    problems = {}
    for path in paths:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert_fits(page, path)
        found = violations(page)
        if found:
            problems[path] = found
    page.goto(live_server.url + API_DOCS)
    expect(page.locator(f"{SWAGGER} .info")).to_be_visible()
    assert_fits(page, API_DOCS)
    if found := violations(page, exclude=(SWAGGER,)):
        problems[API_DOCS] = found
    assert problems == {}
    # Swagger UI's own icons are data: images that the policy refuses.
    assert [(url, text) for url, text in refused if "data:" not in text] == []


@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_no_page_is_wider_than_the_window(
    live_server, open_page, width, saved_assessment, saved_review
):
    page = open_page(width, js=False)
    saved = [saved_assessment.get_absolute_url(), saved_review.get_absolute_url()]
    for path in [*STATIC_PAGES, *saved]:
        page.goto(live_server.url + path)
        assert_fits(page, path)


def test_the_api_docs_without_javascript_point_to_the_schema_and_back(live_server, no_js_page):
    page = no_js_page
    page.goto(live_server.url + API_DOCS)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("noscript, main")).not_to_have_count(0)
    page.click("text=OpenAPI schema (JSON)")
    expect(page).to_have_url(re.compile(r"/api/v1/openapi.json$"))
    page.goto(live_server.url + API_DOCS)
    page.click("text=Back to the app")
    expect(page.locator("h1")).to_have_text("Monolith or microservices?")


@pytest.mark.parametrize(
    ("path", "current"),
    [("/", "Questionnaire"), ("/glossary/", "Glossary"), ("/anti-patterns/", "Anti-patterns")],
)
def test_the_nav_marks_the_current_page(live_server, page: Page, path, current):
    page.goto(live_server.url + path)
    expect(page.locator("header nav [aria-current=page]")).to_have_text(current)


def test_a_saved_result_marks_its_section_in_the_nav(live_server, page: Page, saved_review):
    page.goto(live_server.url + saved_review.get_absolute_url())
    expect(page.locator("header nav [aria-current]")).to_have_text("Review")


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(live_server, page: Page):
    page.goto(f"{live_server.url}/glossary/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_on_a_phone_the_nav_wraps_inside_the_dark_header(live_server, open_page):
    page = open_page(PHONE)
    page.goto(live_server.url)
    header = page.locator("header.site").bounding_box()
    for link in page.locator("header nav a").all():
        box = link.bounding_box()
        assert (
            box["x"] + box["width"] <= PHONE
            and box["y"] + box["height"] <= header["y"] + header["height"]
        )


def test_dark_mode_darkens_the_page_and_the_inline_diagram(
    live_server, open_page, saved_assessment
):
    page = open_page(LAPTOP, color_scheme="dark")
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert _brightness(background) < 60
    assert "invert" in page.evaluate(
        "getComputedStyle(document.querySelector('#diagram svg')).filter"
    )


def test_print_shows_the_result_without_nav_or_buttons(live_server, page: Page, saved_assessment):
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    page.emulate_media(media="print")
    for hidden in ("header.site nav", "footer.site", ".downloads", "#factors .table-scroll"):
        expect(page.locator(hidden).first).to_be_hidden()
    for shown in ("#verdict", "#options", ".factor-chart", "#diagram svg", "#warnings"):
        expect(page.locator(shown).first).to_be_visible()
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(format="A4")))
    assert 1 <= pages <= 2


def _brightness(css_color: str) -> float:
    red, green, blue = (int(v) for v in re.findall(r"\d+", css_color)[:3])
    return 0.299 * red + 0.587 * green + 0.114 * blue


def test_dark_mode_keeps_every_contrast(live_server, open_page, saved_assessment, saved_review):
    page = open_page(LAPTOP, color_scheme="dark")
    problems = {}
    for path in [
        *STATIC_PAGES,
        saved_assessment.get_absolute_url(),
        saved_review.get_absolute_url(),
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        if found := violations(page):
            problems[path] = found
    assert problems == {}
