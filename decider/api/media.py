"""The media types each API operation accepts, read from its OpenAPI description.

The OpenAPI document is the one description of every body; this table is derived from
it, so a route that documents a new body type (an archive, say) is accepted without a
second list to keep in step. Common spellings of the same type count as the type.
"""

import re
from functools import cache

from decider.api.body import YAML_TYPES

DEFAULT_TYPES = ("application/json",)
ALIASES = {
    "application/yaml": YAML_TYPES,
    "text/csv": ("text/csv", "application/csv"),
    "application/zip": ("application/zip", "application/x-zip-compressed"),
    "application/gzip": ("application/gzip", "application/x-gzip"),
}
_PARAMETER = re.compile(r"\\\{[^}]+\\\}")


def accepted_types(method: str, path: str) -> tuple[str, ...] | None:
    """The media types a body of `method path` may have; None for an unknown operation."""
    for pattern, operations in _operations():
        if pattern.fullmatch(path):
            return operations.get(method.lower())
    return None


@cache
def _operations() -> list[tuple[re.Pattern[str], dict[str, tuple[str, ...]]]]:
    from decider.api.site import api  # the API imports its routers, which import this

    table = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        pattern = re.compile(_PARAMETER.sub("[^/]+", re.escape(path)))
        table.append(
            (pattern, {method: _types(op) for method, op in operations.items()}),
        )
    # Literal paths before templated ones, so /reviews/{id} never shadows /reviews/import.
    table.sort(key=lambda row: "[^/]+" in row[0].pattern)
    return table


def _types(operation: dict) -> tuple[str, ...]:
    documented = operation.get("requestBody", {}).get("content", {})
    if not documented:
        return DEFAULT_TYPES
    types: list[str] = []
    for name in documented:
        types.extend(ALIASES.get(name, (name,)))
    return tuple(dict.fromkeys(types))
