"""Refuse oversized request bodies with a clear 413 before anything reads them."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse


class BodySizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = limit_for(request.path)
        if content_length(request) > limit:
            return too_large(request, limit)
        return self.get_response(request)


def content_length(request: HttpRequest) -> int:
    """The declared body length; a malformed one counts as none, as Django reads it."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def limit_for(path: str) -> int:
    """The largest body a path accepts: monoliths to decompose may be much larger."""
    if path.startswith(settings.MONOLITH_PATHS):
        return settings.MONOLITH_BODY_LIMIT
    return settings.BODY_LIMIT


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    message = f"The request body is too large: the limit is {limit // 1024:,} KiB."
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
