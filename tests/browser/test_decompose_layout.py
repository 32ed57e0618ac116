"""The decomposition pages on a phone, and the diagram of a large decomposition as a
person sees it: each defect the browser review found, measured."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import LAPTOP, PHONE, decompose

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each edge's label: how far (in the SVG's points) its box lies from the edge's path.
LABEL_DISTANCES = """(svg) => [...svg.querySelectorAll('g.edge')].flatMap(g => {
  const path = g.querySelector('path'), length = path.getTotalLength();
  const points = Array.from({length: 201}, (_, i) => path.getPointAtLength(length * i / 200));
  return [...g.querySelectorAll('text')].map(text => {
    const b = text.getBBox(), cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    return Math.min(...points.map(p => Math.max(0, Math.abs(p.x - cx) - b.width / 2)
                                     + Math.max(0, Math.abs(p.y - cy) - b.height / 2)));
  });
})"""
# Each edge that passes through the box of a node it does not join.
CROSSINGS = """(svg) => {
  const nodes = [...svg.querySelectorAll('g.node')].map(g => ({
    id: g.querySelector('title').textContent, box: g.querySelector('polygon, path').getBBox()}));
  return [...svg.querySelectorAll('g.edge')].flatMap(g => {
    const [from, to] = g.querySelector('title').textContent.split('->');
    const path = g.querySelector('path'), length = path.getTotalLength();
    return nodes.filter(n => n.id !== from && n.id !== to).filter(({box: b}) =>
      Array.from({length: 101}, (_, i) => path.getPointAtLength(length * i / 100)).some(p =>
        p.x > b.x + 2 && p.x < b.x + b.width - 2 && p.y > b.y + 2 && p.y < b.y + b.height - 2)
    ).map(n => `${from}->${to} through ${n.id}`);
  });
}"""
# The SVG's natural size in points and its text as shown, in CSS pixels.
SIZES = """(svg) => {
  const box = svg.viewBox.baseVal, scale = svg.getBoundingClientRect().width / box.width;
  const text = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale);
  return {width: box.width, height: box.height, smallestText: Math.min(...text)};
}"""


@pytest.fixture
def phone(open_page) -> Page:
    return open_page(PHONE)


def wider_than_the_screen(page: Page) -> int:
    """How far the page's content reaches past the viewport (the site header is the
    shared layout's, checked with it)."""
    return page.evaluate("document.querySelector('main').scrollWidth - innerWidth")


def test_no_decomposition_page_is_wider_than_a_phone(live_server, phone: Page):
    phone.goto(f"{live_server.url}/decompose/")
    assert wider_than_the_screen(phone) <= 0
    for slug in ("shop", "back_office"):
        decompose(phone, live_server.url, slug)
        expect(phone.locator("table.candidates")).to_be_visible()
        assert wider_than_the_screen(phone) <= 0, slug


def test_the_slider_and_its_end_labels_are_whole_on_a_phone(live_server, phone: Page):
    decompose(phone, live_server.url, "back_office")
    width = phone.evaluate("innerWidth")
    for end in phone.locator(".slider .end").all():
        box = end.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, end.inner_text()
        assert end.evaluate("e => e.scrollWidth <= e.clientWidth")
    slider = phone.locator("#id_granularity").bounding_box()
    assert slider["x"] >= 0 and slider["x"] + slider["width"] <= width


def test_a_large_decomposition_is_drawn_as_a_readable_overview(live_server, open_page):
    page = open_page(LAPTOP)
    decompose(page, live_server.url, "back_office")
    svg = page.locator("#diagram svg").first
    sizes = svg.evaluate(SIZES)
    # It used to be a 1636 x 3746 pt column with 6 px text.
    assert 0.75 <= sizes["width"] / sizes["height"] <= 2.5, sizes
    assert sizes["smallestText"] >= 11, sizes
    # Labels used to float up to 229 pt from their arrows, and 17 edges crossed boxes.
    distances = svg.evaluate(LABEL_DISTANCES)
    assert distances and max(distances) <= 4
    assert svg.evaluate(CROSSINGS) == []
    # Each candidate's box opens its modules on the page, even where they are folded.
    boxes = page.locator("#diagram svg g.node a")
    expect(boxes).to_have_count(page.locator("tr.candidate").count())
    folded = page.locator("tr.candidate details:not([open]) ul.names").first
    target = "#" + folded.get_attribute("id")
    largest = page.locator(target)
    expect(largest).to_be_hidden()
    page.locator(f'#diagram svg a[*|href="{target}"]').click()
    expect(page).to_have_url(re.compile(f"{target}$"))
    expect(largest).to_be_visible()
