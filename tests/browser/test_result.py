"""The saved assessment: what a person reads, downloads and pastes into a document."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from decider.exports import exports_for
from tests.browser.conftest import LAPTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTS = {
    "svg": b"<svg",
    "png": b"\x89PNG",
    "pdf": b"%PDF",
    "dot": b"digraph",
    "mmd": b"flowchart",
    "puml": b"@startuml",
    "dsl": b"workspace",
    "microtosca": b"tosca_definitions_version",
    "adr": b"# ",
}


def test_every_export_downloads_with_its_content(live_server, page: Page, saved_assessment):
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    offered = {e.name for e in exports_for("assessment")}
    links = page.locator("#diagram .downloads [data-export]")
    assert {links.nth(i).get_attribute("data-export") for i in range(links.count())} == offered
    for name in sorted(offered):
        with page.expect_download() as caught:
            page.click(f"#diagram [data-export={name}]")
        body = Path(caught.value.path()).read_bytes()
        assert STARTS[name] in body[:400], name


def test_the_slide_downloads_are_16_by_9_and_the_png_is_dense(
    live_server, page: Page, saved_assessment
):
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    slides = page.locator("#diagram .slides a")
    expect(slides).to_have_count(3)
    with page.expect_download() as caught:
        slides.filter(has_text="SVG").click()
    svg = Path(caught.value.path()).read_text()
    width, height = (
        float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
    )
    assert width / height == pytest.approx(16 / 9, rel=0.05)
    with page.expect_download() as caught:
        slides.filter(has_text="PNG").click()
    png = Path(caught.value.path()).read_bytes()
    pixels = int.from_bytes(png[16:20], "big")
    assert pixels == pytest.approx(width * 192 / 72, rel=0.02)


def test_every_badge_in_the_list_is_on_the_diagram_and_back(
    live_server, page: Page, saved_assessment
):
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    listed = {
        int(n)
        for n in page.locator("#warnings [data-badge]").evaluate_all(
            "els => els.map(e => e.dataset.badge)"
        )
    }
    drawn = set()
    texts = page.locator("#diagram svg text").evaluate_all("els => els.map(e => e.textContent)")
    for text in texts:
        if found := re.fullmatch(r"⚠ ([\d,]+)", text.strip()):
            drawn |= {int(n) for n in found.group(1).split(",")}
    assert listed == drawn and listed
    findings = page.locator("#warnings li.finding")
    expect(findings.filter(has=page.locator(".from-answers"))).not_to_have_count(0)


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_diagram_text_is_readable_at_100_percent(live_server, open_page, width, saved_assessment):
    page = open_page(width)
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    sizes = page.locator("#diagram svg text").evaluate_all(
        "els => els.filter(e => e.textContent.trim()).map(e => e.getBoundingClientRect().height)"
    )
    assert min(sizes) >= 9  # pixels on screen, the smallest (9-point) detail line
    bars = page.locator(".factor-chart .label").evaluate_all(
        "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert min(bars) >= 12


def test_the_whole_diagram_can_be_seen_on_a_laptop(live_server, open_page, saved_assessment):
    page = open_page(LAPTOP)
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    box = page.locator("#diagram .diagram")
    # Nothing cut off: the picture fits its box whole, or the box scrolls to show the rest.
    fits = box.evaluate("e => e.scrollHeight <= e.clientHeight + 1")
    scrolls = box.evaluate("e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)")
    assert fits or scrolls
    svg = page.locator("#diagram svg").bounding_box()
    assert svg["height"] > 100  # the picture itself, not an empty box


def test_the_verdict_says_what_is_built_in_plain_words(live_server, page: Page, saved_assessment):
    page.goto(live_server.url + saved_assessment.get_absolute_url())
    expect(page.locator("#style")).to_have_text("Incremental migration")
    expect(page.locator("#verdict .architecture")).to_contain_text(
        "Independently deployed services, reached one slice at a time"
    )
    expect(page.locator("#verdict")).not_to_contain_text("Architecture: microservices")
    page.click("#verdict >> text=what this means")
    expect(page).to_have_url(re.compile(r"/glossary/#strangler-fig$"))
