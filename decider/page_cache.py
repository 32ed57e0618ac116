"""Pages that are the same for every visitor, rendered once and kept in the shared cache.

The questionnaire (`GET /`) costs thousands of template calls, and only its CSRF token
differs from one visitor to the next. The first rendering is kept; a visitor then gets
it with the kept token replaced by one of their own (`get_token`, which also sets their
CSRF cookie as the view would have). Only plain GETs without a query string, a session
or htmx are served so; the key holds a digest of the templates and the code, so a new
release never serves an old page. With DEBUG on nothing is kept, so edits show at once.
"""

import re
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CSRF_TOKEN_LENGTH, _unmask_cipher_token, get_token

from decider.release import release

PAGES = ("/", "/anti-patterns/")
SECONDS = 600
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options")
_CANDIDATE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{%d}(?![A-Za-z0-9])" % CSRF_TOKEN_LENGTH)


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable(request):
            return self.get_response(request)
        key = f"page:{release()}:{request.path}"
        if (kept := cache.get(key)) is not None:
            return replay(request, *kept)
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming:
            tokens = csrf_tokens(response.content, request.META.get("CSRF_COOKIE", ""))
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            cache.set(key, (response.content, headers, tokens), SECONDS)
        return response


def csrf_tokens(content: bytes, secret: str) -> list[bytes]:
    """Every CSRF token in `content` made from `secret`, however it is written."""
    if not secret:
        return []
    found = {m.group() for m in _CANDIDATE.finditer(content)}
    return [t for t in found if _unmask_cipher_token(t.decode()) == secret]


def cacheable(request: HttpRequest) -> bool:
    return (
        not settings.DEBUG
        and request.method == "GET"
        and request.path in PAGES
        and not request.META.get("QUERY_STRING")
        and "HX-Request" not in request.headers
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def replay(request: HttpRequest, content: bytes, headers: dict[str, str], tokens: list[bytes]):
    if tokens:  # this visitor's own token, wherever the page carries one
        own = get_token(request).encode()
        for token in tokens:
            content = content.replace(token, own)
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response
