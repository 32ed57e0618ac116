import logging
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.csp import csp_override
from ninja import NinjaAPI
from ninja.errors import ValidationError

from decider.api import assessments, catalog, decompositions, reviews, tasks
from decider.api.openapi import add_platform_responses
from decider.errors import api_server_error, is_outage

logger = logging.getLogger("decider.api")


class DeciderAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return add_platform_responses(super().get_openapi_schema(**kwargs))


api = DeciderAPI(
    title="Decider API",
    version="1",
    description=(
        "Recommend monolith or microservices, with every factor explained; "
        "propose and draw the architecture; warn about anti-patterns."
    ),
    urls_namespace="api",
    # Swagger UI sets styles inline: its page alone may (see SWAGGER_CSP in settings).
    docs_decorator=csp_override(settings.SWAGGER_CSP),
)
api.add_router("", assessments.router)
api.add_router("", catalog.router)
api.add_router("", reviews.router)
api.add_router("", decompositions.router)
api.add_router("", tasks.router)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = [
        {"loc": list(e.get("loc", [])), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(Exception)
def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """JSON, never HTML, even with DEBUG on; the traceback is logged with the request id
    that the client receives in `X-Request-ID`."""
    request_id = getattr(request, "request_id", "-")
    if is_outage(exc):
        logger.warning("Database unavailable [%s]: %s", request_id, exc)
    else:
        logger.error(
            "Unhandled error [%s] %s %s", request_id, request.method, request.path, exc_info=exc
        )
    return api_server_error(request, exc)
