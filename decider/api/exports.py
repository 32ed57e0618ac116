from django.http import HttpResponse

from architectures.microtosca_export import export_microtosca
from architectures.model import Architecture
from decider.diagrams import FORMATS


def microtosca_response(architecture: Architecture, stem: str) -> HttpResponse:
    """The architecture as a MicroTOSCA YAML download (microFreshener reads it)."""
    response = HttpResponse(export_microtosca(architecture), content_type="application/yaml")
    response["Content-Disposition"] = f'attachment; filename="{stem}.microtosca.yml"'
    return response


def diagram_responses(what: str) -> dict:
    """The OpenAPI responses of a `diagram.{fmt}` download of `what`."""
    return {
        200: {
            "description": "The diagram in the requested format",
            "content": {f.content_type.split(";")[0]: {} for f in FORMATS.values()},
        },
        304: {"description": "Not modified (If-None-Match matched the ETag)"},
        404: {"description": f"Unknown {what} or format"},
        503: {"description": "The diagram could not be rendered right now"},
    }


MICROTOSCA_RESPONSES = {
    200: {"description": "MicroTOSCA YAML", "content": {"application/yaml": {}}},
    404: {"description": "Unknown id"},
}
