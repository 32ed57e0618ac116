import re

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client

from decider import page_cache
from decider.release import release

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HX_TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()


def visit(client: Client, path: str = "/"):
    response = client.get(path)
    html = response.content.decode()
    return response, html


def without_tokens(html: str) -> str:
    return HX_TOKEN.sub("", TOKEN.sub("", html))


@pytest.mark.parametrize("path", page_cache.PAGES)
def test_a_second_visitor_gets_the_kept_page_without_rendering(monkeypatch, path):
    from decider.views import assessments, catalog

    _, first = visit(Client(), path)
    for views in (assessments, catalog):
        monkeypatch.setattr(views, "render", lambda *a, **k: pytest.fail("rendered again"))
    response, second = visit(Client(), path)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert without_tokens(second) == without_tokens(first)
    assert "X-CSRFToken" in second


def test_each_visitor_gets_a_token_of_their_own_that_csrf_accepts():
    first_client, second_client = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    _, first = visit(first_client)
    _, second = visit(second_client)
    secret = second_client.cookies["csrftoken"].value
    for pattern in (TOKEN, HX_TOKEN):
        theirs, mine = pattern.search(first).group(1), pattern.search(second).group(1)
        assert theirs != mine
        assert _unmask_cipher_token(mine) == secret  # the second visitor's own secret
    assert first_client.cookies["csrftoken"].value != secret


def test_a_kept_page_posts_back_through_csrf():
    client = Client(enforce_csrf_checks=True)
    visit(Client())  # someone else's visit fills the cache
    _, html = visit(client)
    token = TOKEN.search(html).group(1)
    response = client.post("/preview/", {"csrfmiddlewaretoken": token, "teams": "3"})
    assert response.status_code == 200  # accepted and answered (a CSRF failure is a 403)


@pytest.mark.parametrize("query", ["?teams=3", "?from=x"])
def test_pages_with_a_query_string_are_never_kept(query):
    visit(Client(), "/" + query)
    from django.core.cache import cache

    assert cache.get(f"page:{release()}:/") is None


def test_nothing_is_kept_with_debug_on(settings):
    settings.DEBUG = True
    visit(Client())
    from django.core.cache import cache

    assert cache.get(f"page:{release()}:/") is None
