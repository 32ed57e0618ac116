"""The error shapes of the contract: 422 `detail` entries, JSON 404, 413, 415, 500 and 503."""

from collections.abc import Iterable
from typing import Any, Protocol
from uuid import UUID

from django.http import Http404, HttpRequest, JsonResponse
from ninja import Schema

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 30


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


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def json_error(status: int, detail: str, **extra: Any) -> JsonResponse:
    """An error in the contract's shape, `{"detail": ...}`, never cached by a proxy."""
    response = JsonResponse({"detail": detail, **extra}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def unavailable(detail: str, retry_after: int = RETRY_AFTER_SECONDS) -> JsonResponse:
    response = json_error(503, detail)
    response["Retry-After"] = str(retry_after)
    return response
