"""The task queue's front door: run a function on a worker, and ask how it is doing.

`enqueue_call(func, *args, **kwargs)` is the hook for long work such as decompositions
past a size threshold: `func` is a module-level function of Decider's, its arguments
and return value are JSON; when it returns a dict with a `url`, the progress page sends
the browser there once it is done, and the status API reports that `url`.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.tasks import TaskResult, TaskResultStatus, default_task_backend, task
from django.tasks.exceptions import TaskResultDoesNotExist
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.module_loading import import_string

STATUS_NAMES = {
    TaskResultStatus.READY: "queued",
    TaskResultStatus.RUNNING: "running",
    TaskResultStatus.SUCCESSFUL: "done",
    TaskResultStatus.FAILED: "failed",
}


def _resolve(path: str) -> Callable[..., Any]:
    if not path.startswith(tuple(settings.TASK_MODULES)):
        raise ValueError(f"Only Decider's own functions run as tasks, not {path!r}.")
    return import_string(path)


@task()
def call(path: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """Run `path(*args, **kwargs)` on a worker (what `enqueue_call` queues)."""
    return _resolve(path)(*args, **kwargs)


def enqueue_call(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> TaskResult:
    """Queue `func(*args, **kwargs)` for a worker; returns the pending result, whose `id`
    gives `status_url(id)` and `progress_url(id)`. Raises ValueError for a function a
    worker could not import, TypeError for arguments that are not JSON."""
    path = f"{func.__module__}.{func.__qualname__}"
    try:
        importable = _resolve(path) is func
    except ImportError:
        importable = False
    if not importable:
        raise ValueError(f"{path} is not a module-level function a worker can import.")
    return call.enqueue(path, list(args), kwargs)


def accepted(pending: TaskResult) -> dict[str, str]:
    """The body of a 202 for queued work (`decider.api.tasks.QueuedOut` documents it)."""
    task_id = str(pending.id)
    return {
        "id": task_id,
        "status": "queued",
        "status_url": status_url(task_id),
        "progress_url": progress_url(task_id),
    }


def status_url(task_id: str) -> str:
    return reverse("api:task_status", kwargs={"task_id": task_id})


def progress_url(task_id: str, next_url: str = "") -> str:
    url = reverse("task_progress", kwargs={"task_id": task_id})
    return f"{url}?{urlencode({'next': next_url})}" if safe_next(next_url) else url


def safe_next(url: str) -> bool:
    return bool(url) and url_has_allowed_host_and_scheme(url, allowed_hosts=None)


def describe(task_id: str) -> dict[str, Any] | None:
    """`{"id", "status", "url"?, "result"?}` for a task, or None when it is unknown."""
    try:
        result = default_task_backend.get_result(task_id)
    except (TaskResultDoesNotExist, ValueError):
        return None
    described: dict[str, Any] = {"id": str(result.id), "status": STATUS_NAMES[result.status]}
    if result.status == TaskResultStatus.SUCCESSFUL:
        value = result.return_value
        described["result"] = value
        if isinstance(value, dict) and isinstance(value.get("url"), str):
            described["url"] = value["url"]
    return described
