"""The anti-pattern catalog as a page users can browse and link to."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from architectures.antipatterns.catalog import catalog

CATEGORY_TITLES = {
    "technical": "Technical anti-patterns",
    "organizational": "Organisational anti-patterns",
    "practice": "From everyday practice",
    "architectural smell": "Architectural smells (microFreshener)",
}
DETECTED_FROM = {
    "Q": "your answers",
    "A": "an architecture",
    "Q+A": "your answers and an architecture",
}


def anti_patterns(request: HttpRequest) -> HttpResponse:
    groups: dict[str, list] = {}
    for entry in catalog():
        groups.setdefault(entry.category, []).append(entry)
    sections = [
        (CATEGORY_TITLES.get(name, name.title()), entries) for name, entries in groups.items()
    ]
    context = {"sections": sections, "detected_from": DETECTED_FROM, "count": len(catalog())}
    return render(request, "anti_patterns.html", context)
