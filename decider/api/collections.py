"""Listing and deleting saved results: one implementation for the three kinds.

The id is the capability: whoever holds it may read or delete the result. Listing would
hand out every id, so it is off unless the setting `DECIDER_ALLOW_LISTING` turns it on
(it is on under `make run`). Pages go newest first, with an opaque cursor that holds the
last item's creation time and id, so a page never repeats or skips an item when new ones
arrive in between.
"""

import base64
import binascii
from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from pydantic import create_model

from decider.api.errors import Message, ValidationErrors, parse_id
from decider.models import Saved

PAGE_MAX = 100
PAGE_DEFAULT = 20


class Page(Schema):
    limit: int = Field(PAGE_DEFAULT, ge=1, le=PAGE_MAX, description="Items per page")
    cursor: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]{1,200}$", description="`next` of the page before"
    )


def add_collection(
    router: Router,
    model: type[Saved],
    item: type[Schema],
    summary: Callable[[Any], dict[str, Any]],
    deferred: tuple[str, ...] = (),
) -> None:
    """`GET /<resources>` (a page of them) and `DELETE /<resources>/{id}`. The `deferred`
    fields, which `summary` does not read, are never loaded for a page."""
    plural = f"{model.resource}s"
    listed = create_model(
        f"{model.__name__}Page",
        __base__=Schema,
        items=(list[item], ...),
        next=(str | None, Field(None, description="the cursor of the next page, if any")),
    )

    @router.get(
        f"/{plural}",
        response={200: listed, 404: Message, 422: ValidationErrors},
        url_name=f"list_{plural}",
        summary=f"The latest {plural}, newest first (when the server allows listing)",
    )
    def listing(request: HttpRequest, page: Query[Page]):
        if not settings.DECIDER_ALLOW_LISTING:
            return Status(404, {"detail": "Listing is turned off on this server."})
        after = _position(page.cursor)
        if after is False:
            detail = [{"loc": ["query", "cursor"], "msg": "Not a cursor.", "type": "value_error"}]
            return Status(422, {"detail": detail})
        rows = model.objects.defer(*deferred).order_by("-created", "-id")
        if after:
            created, pk = after
            rows = rows.filter(Q(created__lt=created) | Q(created=created, id__lt=pk))
        found = list(rows[: page.limit + 1])
        more = len(found) > page.limit
        shown = found[: page.limit]
        following = _cursor(shown[-1]) if more else None
        return Status(200, {"items": [summary(s) for s in shown], "next": following})

    @router.delete(
        f"/{plural}/{{item_id}}",
        response={204: None, 404: Message},
        url_name=f"delete_{model.resource}",
        summary=f"Delete a {model.resource}, its downloads with it",
    )
    def delete(request: HttpRequest, item_id: str):
        get_object_or_404(model, pk=parse_id(item_id)).delete()
        return Status(204, None)

    listing.__name__ = f"list_{plural}"
    delete.__name__ = f"delete_{model.resource}"


def _cursor(saved: Saved) -> str:
    raw = f"{saved.created.isoformat()}|{saved.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _position(cursor: str | None) -> tuple[datetime, UUID] | None | bool:
    """The cursor's creation time and id; None without a cursor, False for a bad one."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        created, pk = raw.split("|")
        return datetime.fromisoformat(created), UUID(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return False
