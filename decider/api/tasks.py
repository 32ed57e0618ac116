"""`/tasks/{id}`: where a queued piece of work stands (large renders, long decompositions)."""

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status

from decider.api.errors import Message
from decider.jobs import queue

router = Router(tags=["tasks"])


class TaskOut(Schema):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    url: str | None = None
    result: Any = None


class QueuedOut(Schema):
    """A 202: the work is queued; ask `status_url` until its status is `done`."""

    id: str
    status: Literal["queued"]
    status_url: str
    progress_url: str


@router.get(
    "/tasks/{task_id}",
    response={200: TaskOut, 404: Message},
    url_name="task_status",
    summary="The status of queued work; when done, `url` (if any) is where its result is",
)
def task_status(request: HttpRequest, task_id: str):
    described = queue.describe(task_id)
    if described is None:
        return Status(404, {"detail": "No such task."})
    return Status(200, described)
