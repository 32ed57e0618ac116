"""Diagram downloads of saved results, answered from the shared cache before the rest of
the stack runs.

A saved assessment, review or decomposition never changes, so neither does its diagram:
once drawn and sent, the whole response (bytes and headers) is kept under its URL, and
the next request for it costs one cache read, not a session, a database query and a
DOT build. Conditional requests are answered 304 from the kept ETag. A DELETE of the
saved result forgets its downloads.
"""

import re
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from decider.diagrams import etag_matches
from decider.exports import EXPORTS
from decider.release import release

SECONDS = 3600
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "ETag", "Cache-Control",
                "Content-Security-Policy")  # fmt: skip
_DOWNLOAD = re.compile(
    r"/api/v1/(assessments|reviews|decompositions)/[0-9a-f-]{36}/"
    + "("
    + "|".join(re.escape(e.filename) for e in EXPORTS)
    + ")"
)
_SAVED = re.compile(r"/api/v1/(assessments|reviews|decompositions)/[0-9a-f-]{36}/?")


def _key(path: str) -> str:
    return f"download:{release()}:{path}"


class DownloadCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "DELETE" and _SAVED.fullmatch(request.path):
            response = self.get_response(request)
            forget(request.path.rstrip("/"))
            return response
        if request.method not in ("GET", "HEAD") or not _DOWNLOAD.fullmatch(request.path):
            return self.get_response(request)
        if (kept := cache.get(_key(request.path))) is not None:
            return replay(request, kept)
        response = self.get_response(request)
        if response.status_code == 200 and not response.streaming:
            headers = {h: response[h] for h in KEPT_HEADERS if h in response}
            cache.set(_key(request.path), (response.content, headers), SECONDS)
        return response


def replay(request: HttpRequest, kept: tuple[bytes, dict[str, str]]) -> HttpResponse:
    content, headers = kept
    etag = headers.get("ETag", "")
    if etag and etag_matches(request, etag):
        response = HttpResponse(status=304)
        for name in ("ETag", "Cache-Control"):
            response[name] = headers[name]
        return response
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


def forget(saved_path: str) -> None:
    cache.delete_many([_key(f"{saved_path}/{export.filename}") for export in EXPORTS])
