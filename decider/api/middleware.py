"""What every request under /api/ goes through before a view sees it, and after.

- A query string longer than `QUERY_LIMIT` is a 414 (gunicorn is started with a longer
  request line, so that the API, not gunicorn's HTML page, answers it).
- A chunked body (no Content-Length) is read here, up to the path's body limit, so views
  see it whole; a server that cannot hand it over gets a 411.
- A body must come in a media type the operation documents (see `decider.api.media`),
  otherwise 415: an HTML form posted cross-site as text/plain is never parsed as JSON.
- Any error response that is not JSON yet (a 405 from the router, a 404 from Django)
  becomes `{"detail": ...}` with the same status and headers.
"""

import io
from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse

from decider.api.body import media_type
from decider.api.errors import is_api, json_error
from decider.api.media import accepted_types
from decider.limits import content_length, limit_for, too_large

QUERY_LIMIT = 4096
BODY_METHODS = ("POST", "PUT", "PATCH")
KEPT_HEADERS = ("Allow", "Retry-After", "Cache-Control")


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api(request):
            return self.get_response(request)
        response = self.refused(request) or self.get_response(request)
        return as_json(response)

    def refused(self, request: HttpRequest) -> HttpResponse | None:
        if len(request.META.get("QUERY_STRING", "")) > QUERY_LIMIT:
            return json_error(414, f"The query string is too long: at most {QUERY_LIMIT} bytes.")
        if request.method not in BODY_METHODS:
            return None
        if is_chunked(request) and (refusal := read_chunked(request)):
            return refusal
        return unsupported_type(request)


def is_chunked(request: HttpRequest) -> bool:
    encoding = request.META.get("HTTP_TRANSFER_ENCODING", "").lower()
    return "chunked" in encoding and not request.META.get("CONTENT_LENGTH")


def read_chunked(request: HttpRequest) -> HttpResponse | None:
    """Read a chunked body into the request, as if it had come with a Content-Length."""
    if not request.META.get("wsgi.input_terminated"):
        return json_error(411, "Send the body with a Content-Length header.")
    limit = limit_for(request.path)
    body = request.META["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        return too_large(request, limit)
    request.META["CONTENT_LENGTH"] = str(len(body))
    request._stream = io.BytesIO(body)  # what HttpRequest.body reads from
    return None


def unsupported_type(request: HttpRequest) -> HttpResponse | None:
    if not content_length(request):
        return None
    allowed = accepted_types(request.method, request.path)
    if allowed is None or media_type(request) in allowed:
        return None
    return json_error(415, f"Send the body as {' or '.join(allowed)}.")


def as_json(response: HttpResponse) -> HttpResponse:
    if response.status_code < 400 or response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return response
    try:
        detail = HTTPStatus(response.status_code).phrase + "."
    except ValueError:  # a status http.HTTPStatus does not name
        detail = f"Error {response.status_code}."
    converted = json_error(response.status_code, detail)
    for header in KEPT_HEADERS:
        if header in response:
            converted[header] = response[header]
    return converted
