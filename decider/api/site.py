from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from decider.api import assessments, catalog, decompositions, reviews

api = NinjaAPI(
    title="Decider API",
    version="1",
    description=(
        "Recommend monolith or microservices, with every factor explained; "
        "propose and draw the architecture; warn about anti-patterns."
    ),
    urls_namespace="api",
)
api.add_router("", assessments.router)
api.add_router("", catalog.router)
api.add_router("", reviews.router)
api.add_router("", decompositions.router)


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
