"""The numbers of a result's findings, as the page lists them and the diagram shows them."""

from typing import Any


def badges(findings: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Component name → the numbers of the findings that involve it, as listed on the page."""
    numbers: dict[str, list[int]] = {}
    for number, finding in enumerate(findings, start=1):
        for element in finding.get("elements", []):
            numbers.setdefault(element, []).append(number)
    return numbers
