"""The downloads of a saved result: one route per kind of saved result, for every export
of the registry (`decider.exports`) it offers, answering GET and HEAD alike."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from ninja import Router

from decider.api.errors import Message, ValidationErrors, parse_id
from decider.diagrams import download_response
from decider.exports import BY_FILENAME, Drawing, Export, exports_for
from decider.models import Saved

DrawingOf = Callable[[HttpRequest, Any], Drawing]


def add_downloads(router: Router, model: type[Saved], drawing_of: DrawingOf) -> None:
    """`GET|HEAD /<resources>/{id}/{file}`, named `<resource>_download`."""
    resource = model.resource
    offered = exports_for(resource)

    @router.api_operation(
        ["GET", "HEAD"],
        f"/{resource}s/{{item_id}}/{{file}}",
        response={404: Message, 422: ValidationErrors, 503: Message},
        url_name=f"{resource}_download",
        openapi_extra=_openapi(resource, offered),
        summary=f"A download of the {resource}: " + ", ".join(e.filename for e in offered),
    )
    def download(request: HttpRequest, item_id: str, file: str) -> HttpResponse:
        saved = get_object_or_404(model, pk=parse_id(item_id))
        export = BY_FILENAME.get(file)
        if export is None or export not in offered:
            known = ", ".join(e.filename for e in offered)
            return JsonResponse(
                {"detail": f"No download {file!r}: use one of {known}."}, status=404
            )
        return download_response(request, saved, drawing_of(request, saved), export)

    download.__name__ = f"{resource}_download"


def _openapi(resource: str, offered: tuple[Export, ...]) -> dict[str, Any]:
    return {
        "responses": {
            200: {
                "description": f"The {resource}'s download, as its file name says",
                "content": {e.content_type.split(";")[0]: {} for e in offered},
            },
            304: {"description": "Not modified (If-None-Match matched the ETag)"},
            404: {"description": f"Unknown {resource} or download"},
            503: {"description": "The picture could not be drawn right now"},
        },
    }


def document_files(path: str, operation: dict[str, Any]) -> None:
    """Name the downloads a `{file}` path parameter takes (called on the OpenAPI schema)."""
    resource = path.split("/")[3].removesuffix("s")  # /api/v1/<resources>/{item_id}/{file}
    offered = exports_for(resource)
    for parameter in operation.get("parameters", []):
        if parameter.get("name") == "file" and parameter.get("in") == "path":
            parameter["description"] = "Which download: " + "; ".join(
                f"`{e.filename}` {e.label}" for e in offered
            )
            parameter["schema"] = {"type": "string", "enum": [e.filename for e in offered]}
