"""Error pages: JSON under /api/, friendly HTML elsewhere; a database outage is a 503.

Django calls these handlers (see `handler404` and friends in `decider/urls.py`) for errors
raised anywhere, middleware included; `server_error` runs inside the `except` block, so
`sys.exc_info()` tells it what went wrong.
"""

import logging
import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

from decider.api.errors import RETRY_AFTER_SECONDS, is_api, json_error, unavailable

logger = logging.getLogger(__name__)

OUTAGES = (OperationalError, InterfaceError)
DATABASE_DOWN = "The database is not answering right now; please try again in a moment."


def is_outage(error: BaseException | None) -> bool:
    return isinstance(error, OUTAGES)


def service_unavailable(request: HttpRequest, detail: str = DATABASE_DOWN) -> HttpResponse:
    if is_api(request):
        return unavailable(detail)
    body = loader.render_to_string("503.html", {"detail": detail})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return json_error(404, "Not found.")
    return HttpResponse(loader.render_to_string("404.html", request=request), status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return json_error(400, "Bad request.")
    return HttpResponse(loader.render_to_string("400.html"), status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return json_error(403, "Forbidden.")
    return HttpResponse(loader.render_to_string("403.html"), status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return api_server_error(request, sys.exc_info()[1])
    if is_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    body = loader.render_to_string("500.html", {"request_id": _request_id(request)})
    return HttpResponse(body, status=500)


def api_server_error(request: HttpRequest, exc: BaseException | None) -> HttpResponse:
    """The API's answer to an unexpected error: a 503 for a database outage, otherwise a
    JSON 500 carrying the request id its traceback was logged with."""
    if is_outage(exc):
        return service_unavailable(request)
    detail = "Internal server error; quote the request id when reporting it."
    return json_error(500, detail, request_id=_request_id(request))


def _request_id(request: HttpRequest) -> str:
    return getattr(request, "request_id", "")
