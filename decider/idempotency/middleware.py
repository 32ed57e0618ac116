"""Replays the first answer to a POST retried with the same `Idempotency-Key`.

The key and the answer are stored in the transaction that runs the view, so a request
that committed always has its answer stored, and a request that died committed nothing.
Two identical requests at once: the second waits on the key's unique index until the
first commits, then replays its answer.
"""

import hashlib
import random
import re
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from decider.api.errors import is_api, json_error
from decider.idempotency.models import IdempotentRequest

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
KEPT_FOR = timedelta(hours=24)
PRUNE_CHANCE = 0.01
_KEY = re.compile(r"[\x21-\x7e]{1,255}")


class _Unsaved(Exception):
    """Carries a response that must not be stored, rolling back the transaction."""

    def __init__(self, response: HttpResponse) -> None:
        self.response = response


class IdempotencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = request.headers.get(HEADER)
        if key is None or request.method != "POST" or not is_api(request):
            return self.get_response(request)
        if not _KEY.fullmatch(key):
            return json_error(400, f"{HEADER} must be 1 to 255 visible ASCII characters.")
        fingerprint = fingerprint_of(request)
        earlier = _stored(key, request.path)
        if earlier is None:
            try:
                return self._first(request, key, fingerprint)
            except IntegrityError:  # the same key committed meanwhile: replay it
                earlier = _stored(key, request.path)
        if earlier is None:
            return json_error(409, "A request with this Idempotency-Key is still running.")
        return replay(earlier, fingerprint)

    def _first(self, request: HttpRequest, key: str, fingerprint: str) -> HttpResponse:
        try:
            with transaction.atomic():
                record = IdempotentRequest.objects.create(
                    key=key, path=request.path, fingerprint=fingerprint
                )
                response = self.get_response(request)
                if not 200 <= response.status_code < 300 or response.streaming:
                    raise _Unsaved(response)
                _keep(record, response)
        except _Unsaved as unsaved:
            return unsaved.response
        if random.random() < PRUNE_CHANCE:
            prune()
        return response


def fingerprint_of(request: HttpRequest) -> str:
    digest = hashlib.sha256(request.content_type.encode() + b"\0" + request.body)
    return digest.hexdigest()


def _stored(key: str, path: str) -> IdempotentRequest | None:
    return IdempotentRequest.objects.filter(key=key, path=path, status__gt=0).first()


def _keep(record: IdempotentRequest, response: HttpResponse) -> None:
    record.status = response.status_code
    record.content_type = response.get("Content-Type", "")
    record.location = response.get("Location", "")
    record.body = response.content
    record.save(update_fields=["status", "content_type", "location", "body"])


def replay(record: IdempotentRequest, fingerprint: str) -> HttpResponse:
    if record.fingerprint != fingerprint:
        # A conflict with the earlier request, not a fault in this one's body.
        return json_error(
            409, f"This {HEADER} was used for a different request; use a new key for a new one."
        )
    response = HttpResponse(
        bytes(record.body), status=record.status, content_type=record.content_type
    )
    if record.location:
        response["Location"] = record.location
    response[REPLAYED] = "true"
    return response


def prune() -> int:
    """Forget keys older than `KEPT_FOR`; returns how many were removed."""
    deleted, _ = IdempotentRequest.objects.filter(created__lt=timezone.now() - KEPT_FOR).delete()
    return deleted
