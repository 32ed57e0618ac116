"""The anti-pattern catalog as a page users can browse and link to."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

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
        detected = DETECTED_FROM.get(entry.detected_from, entry.detected_from)
        groups.setdefault(entry.category, []).append((entry, detected))
    sections = [
        (slugify(name), CATEGORY_TITLES.get(name, name.title()), entries)
        for name, entries in groups.items()
    ]
    context = {"sections": sections, "count": len(catalog())}
    return render(request, "anti_patterns.html", context)
