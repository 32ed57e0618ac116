"""The error shapes of the contract: 422 `detail` entries, JSON 404 and 413."""

from collections.abc import Iterable
from typing import Any, Protocol
from uuid import UUID

from django.http import Http404
from ninja import Schema


class ErrorDetail(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrors(Schema):
    detail: list[ErrorDetail]


class Message(Schema):
    detail: str


class _Problem(Protocol):
    loc: tuple[str | int, ...]
    msg: str
    type: str


def problem_details(
    problems: Iterable[_Problem], prefix: tuple[str, ...] = ("body",)
) -> dict[str, Any]:
    return {"detail": [{"loc": [*prefix, *p.loc], "msg": p.msg, "type": p.type} for p in problems]}


def parse_id(raw: str) -> UUID:
    """A saved object's id from the URL; anything that is not a UUID is simply unknown."""
    try:
        return UUID(raw)
    except ValueError:
        raise Http404 from None
