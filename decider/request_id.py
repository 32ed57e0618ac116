"""A request id on every response, and on every log line written while serving it.

A client (or a proxy in front) may send its own `X-Request-ID` so that its logs and ours
can be joined; it is kept when it looks like an id, and replaced otherwise, because an
arbitrary header value must never reach a log line or a response header unchecked.
"""

import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_SANE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+=-]{0,127}")
_current: ContextVar[str] = ContextVar("request_id", default="-")


def request_id_for(request: HttpRequest) -> str:
    """The id of `request`: the client's when sane, otherwise a new one."""
    supplied = request.headers.get(HEADER, "")
    return supplied if _SANE.fullmatch(supplied) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = request_id_for(request)
        token = _current.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record, so the log format can show it."""

    def filter(self, record: logging.LogRecord) -> bool:
        # django.request logs some responses after the middleware returned: its records
        # carry the request itself.
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or _current.get()
        return True
