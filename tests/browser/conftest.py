"""Browser tests drive Debian's Chromium through Playwright (its own download is not used)."""

import os
import re
import shutil

import pytest
from playwright.sync_api import Page, expect

from architectures.model import parse_architecture
from decider.assessments import create_assessment
from decider.engine.answers import parse_answers
from decider.reviews import built, create_review
from tests.conftest import ANSWERS

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE, LAPTOP = 375, 1280
WIDTHS = (PHONE, LAPTOP)
DECOMPOSITION = re.compile(r"/decompositions/[0-9a-f-]{36}/(#.*)?$")

# live_server runs in a thread while sync Playwright runs an event loop in this one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def decompose(page: Page, url: str, slug: str) -> str:
    """Decompose an example, opened by its link, through the page; its permalink."""
    page.goto(f"{url}/decompose/?example={slug}")
    page.click("#decompose-form button.primary")
    expect(page).to_have_url(DECOMPOSITION)
    return page.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def open_page(browser):
    """`open_page(width, js=True)`: a page in a fresh context of that viewport width."""
    contexts = []

    def opened(width: int, *, js: bool = True, **options):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, java_script_enabled=js, **options
        )
        contexts.append(context)
        return context.new_page()

    yield opened
    for context in contexts:
        context.close()


@pytest.fixture
def saved_assessment():
    """A saved assessment with domains, one team running the monolith and the extracted
    service (a finding on the diagram), and a finding from the answers alone."""
    domains = [
        {"name": "orders", "team": "checkout", "depends_on": ["users"]},
        {"name": "users", "team": "checkout"},
        {"name": "inventory", "team": "checkout", "load": "high"},
    ]
    return create_assessment(answers=parse_answers(ANSWERS | {"domains": domains}))


@pytest.fixture
def saved_review():
    from decider.views.reviews import examples

    return create_review(imported=built(parse_architecture(examples()["shared_database"])))
