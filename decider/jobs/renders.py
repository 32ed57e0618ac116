"""Large diagrams rendered by a task worker and kept in the database.

The request side calls `obtain(dot, fmt)`: the bytes when a worker drew them already,
otherwise a `Pending` carrying the task to wait for (queued once per diagram, however
many ask). The worker runs `render_diagram`, through the same bounded, cached path as a
request (`decider.diagrams._rendered`), and stores the bytes or the failure.
"""

import random
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from architectures.render import RenderError
from decider.jobs import queue
from decider.jobs.models import Rendering

STALE_AFTER = timedelta(minutes=10)  # a queued render no worker took: queue it again
KEPT_FOR = timedelta(days=7)  # then drawn again if asked for
PRUNE_CHANCE = 0.02
TASK_SLOT_WAIT = 120.0


class Pending(Exception):  # noqa: N818 (an outcome, raised so callers cannot ignore it)
    """The diagram is being drawn by task `task_id`."""

    def __init__(self, task_id: str, status: str = "queued") -> None:
        super().__init__(task_id)
        self.task_id = task_id
        self.status = status

    @property
    def status_url(self) -> str:
        return queue.status_url(self.task_id)

    def progress_url(self, next_url: str = "") -> str:
        return queue.progress_url(self.task_id, next_url)


class RenderFailedEarlier(RenderError):
    pass


def obtain(dot: str, fmt: str) -> bytes:
    """The rendered diagram; raises `Pending` while a worker draws it, and `RenderError`
    when it failed less than `RENDER_FAILURE_SECONDS` ago."""
    from decider.diagrams import CACHE_SECONDS, cache_key

    key = cache_key(dot, fmt)
    if (cached := cache.get(key)) is not None:
        return cached
    row = Rendering.objects.filter(key=key).first()
    if row is not None and row.status == Rendering.Status.DONE:
        content = bytes(row.content)
        cache.set(key, content, CACHE_SECONDS)
        return content
    if row is not None and _still_counts(row):
        if row.status == Rendering.Status.FAILED:
            raise RenderFailedEarlier(row.error or "The diagram could not be drawn.")
        raise Pending(row.task_id)
    raise Pending(_queue(row, key, dot, fmt))


def _still_counts(row: Rendering) -> bool:
    age = timezone.now() - row.updated
    if row.status == Rendering.Status.FAILED:
        return age < timedelta(seconds=settings.RENDER_FAILURE_SECONDS)
    return age < STALE_AFTER


def _queue(row: Rendering | None, key: str, dot: str, fmt: str) -> str:
    try:
        with transaction.atomic():
            if row is None:
                row = Rendering.objects.create(key=key, fmt=fmt, source=dot)
            row.task_id = str(render_diagram.enqueue(key).id)
            row.status, row.error, row.source = Rendering.Status.QUEUED, "", dot
            row.save()
    except IntegrityError:  # another request queued it meanwhile
        row = Rendering.objects.get(key=key)
    if random.random() < PRUNE_CHANCE:
        prune()
    return row.task_id


def prune() -> int:
    """Forget renderings older than `KEPT_FOR`; returns how many were removed."""
    old = Rendering.objects.filter(updated__lt=timezone.now() - KEPT_FOR)
    return old.delete()[0]


@task()
def render_diagram(key: str) -> dict[str, Any]:
    from decider.diagrams import _rendered

    row = Rendering.objects.get(key=key)
    try:
        content = _rendered(row.source, row.fmt, wait=TASK_SLOT_WAIT)
    except RenderError as error:
        row.status, row.error = Rendering.Status.FAILED, str(error)[:300]
        row.save(update_fields=["status", "error", "updated"])
        return {"key": key, "status": "failed"}
    row.status, row.content, row.source = Rendering.Status.DONE, content, ""
    row.save(update_fields=["status", "content", "source", "updated"])
    return {"key": key, "status": "done"}


def rendering_for_task(task_id: str) -> Rendering | None:
    return Rendering.objects.filter(task_id=task_id).first()
