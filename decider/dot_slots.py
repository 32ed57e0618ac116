"""At most N `dot` processes at once on this machine, whatever the number of workers.

Each slot is a lock file; a process holds one with `flock` while `dot` runs. The kernel
releases the lock when the holder exits, so a killed worker never leaks a slot.
"""

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from architectures.render import RenderError

POLL_SECONDS = 0.05


class RenderBusy(RenderError):
    """Every slot stayed taken for the whole wait."""


@contextmanager
def dot_slot(wait_seconds: float) -> Iterator[None]:
    """Hold one of `settings.DOT_CONCURRENCY` slots; raises `RenderBusy` after the wait."""
    fd = _acquire(time.monotonic() + wait_seconds)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _acquire(deadline: float) -> int:
    directory = Path(settings.DOT_SLOTS_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    paths = [directory / f"slot-{n}.lock" for n in range(settings.DOT_CONCURRENCY)]
    start = os.getpid() % len(paths)  # spread the first tries over the slots
    while True:
        for path in paths[start:] + paths[:start]:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                os.close(fd)
        if time.monotonic() >= deadline:
            raise RenderBusy("The server is drawing other diagrams right now; try again soon.")
        time.sleep(POLL_SECONDS)
