from django.http import HttpResponse

from architectures.microtosca_export import export_microtosca
from architectures.model import Architecture


def microtosca_response(architecture: Architecture, stem: str) -> HttpResponse:
    """The architecture as a MicroTOSCA YAML download (microFreshener reads it)."""
    response = HttpResponse(export_microtosca(architecture), content_type="application/yaml")
    response["Content-Disposition"] = f'attachment; filename="{stem}.microtosca.yml"'
    return response
