"""The site's main navigation, with the current page (or section) marked."""

from typing import NamedTuple

from django import template
from django.urls import reverse

register = template.Library()


class NavItem(NamedTuple):
    label: str
    url_name: str
    # Other path prefixes that belong to this section: a saved review is under "Review".
    section: tuple[str, ...] = ()


NAV = (
    NavItem("Questionnaire", "questionnaire", ("/assessments/",)),
    NavItem("Review", "review_form", ("/reviews/",)),
    NavItem("Decompose", "decompose", ("/decompositions/",)),
    NavItem("Anti-patterns", "anti_patterns"),
    NavItem("Glossary", "glossary"),
    NavItem("Recent", "recent"),
    NavItem("API", "api:openapi-view"),
)


@register.simple_tag(takes_context=True)
def main_nav(context: template.Context) -> list[dict[str, str]]:
    """Each entry's label and URL, and `current`: "page" on the page itself, "true" on a
    page of its section (for `aria-current`)."""
    request = context.get("request")
    path = request.path if request else ""
    items = []
    for item in NAV:
        url = reverse(item.url_name)
        in_section = bool(item.section) and path.startswith(item.section)
        current = "page" if path == url else "true" if in_section else ""
        items.append({"label": item.label, "url": url, "current": current})
    return items
