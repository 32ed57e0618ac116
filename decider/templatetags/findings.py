"""Anti-pattern findings grouped as the pages list them, numbered as the diagram's badges."""

from django import template

register = template.Library()

SEVERITIES = ("high", "medium", "low")


@register.filter
def by_severity(findings: list[dict]) -> list[tuple[str, list[tuple[int, dict]]]]:
    """Findings grouped by severity, highest first, each with its number in the whole list
    (its badge on the diagram)."""
    numbered = list(enumerate(findings, start=1))
    groups = [
        (severity, [(n, f) for n, f in numbered if f["severity"] == severity])
        for severity in SEVERITIES
    ]
    return [(severity, group) for severity, group in groups if group]
