import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONOLITHS = Path(__file__).parents[2] / "fixtures" / "monoliths"


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_an_uploaded_monolith_is_decomposed_on_a_phone(live_server, open_page, js):
    page = open_page(PHONE, js=js)
    page.goto(f"{live_server.url}/decompose/")
    upload = sorted(MONOLITHS.glob("*.json"))[0]
    page.set_input_files("#id_file", upload)
    page.click("#decompose-form button.primary")
    expect(page).to_have_url(re.compile(r"/decompositions/[0-9a-f-]{36}/$"))
    expect(page.locator("tr.candidate").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
