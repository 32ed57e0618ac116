"""Django's PostgreSQL backend, with a deadline on every round trip to the server.

`statement_timeout` makes a live server cancel a slow query, and `connect_timeout` bounds
connecting; neither helps when an open connection stops answering (a frozen server, a
proxy or a network that swallows packets): psycopg would wait for ever, and the worker
with it. Here a watchdog thread shuts the socket of any call that outlives its deadline,
so psycopg raises `OperationalError` at once and the request answers 503.
"""

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db.backends.postgresql import base

TICK_SECONDS = 0.1


class Watchdog:
    """Severs the sockets of calls past their deadline; one thread per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._deadlines: dict[int, tuple[float, int]] = {}
        self._pid = 0

    @contextmanager
    def deadline(self, fd: int, seconds: float) -> Iterator[None]:
        self._ensure_running()
        token = object()
        with self._lock:
            self._deadlines[id(token)] = (time.monotonic() + seconds, fd)
        try:
            yield
        finally:
            with self._lock:
                self._deadlines.pop(id(token), None)  # the watchdog may have taken it

    def _ensure_running(self) -> None:
        if self._pid != os.getpid():  # a forked worker does not inherit the thread
            self._pid = os.getpid()
            threading.Thread(target=self._watch, name="db-watchdog", daemon=True).start()

    def _watch(self) -> None:
        while True:
            time.sleep(TICK_SECONDS)
            now = time.monotonic()
            with self._lock:
                for key, (deadline, fd) in list(self._deadlines.items()):
                    if deadline < now:
                        sever(fd)
                        del self._deadlines[key]


def sever(fd: int) -> None:
    """Shut the socket behind `fd` down, so a blocked read on it returns at once."""
    try:
        with socket.socket(fileno=os.dup(fd)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing is waiting on it


watchdog = Watchdog()


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(self._guarded_execute)

    @contextmanager
    def _deadline(self, seconds: float | None = None) -> Iterator[None]:
        fd = self._socket()
        if fd < 0:
            yield
            return
        with watchdog.deadline(fd, seconds or settings.DATABASE_QUERY_DEADLINE):
            yield

    def _socket(self) -> int:
        try:
            return self.connection.pgconn.socket
        except (AttributeError, base.Database.Error):  # no connection, or a closed one
            return -1

    def _guarded_execute(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict
    ) -> Any:
        with self._deadline():
            return execute(sql, params, many, context)

    def is_usable(self) -> bool:
        with self._deadline(settings.DATABASE_PING_DEADLINE):
            return super().is_usable()

    def init_connection_state(self) -> None:
        with self._deadline():
            super().init_connection_state()

    def _commit(self) -> None:
        with self._deadline():
            super()._commit()

    def _rollback(self) -> None:
        with self._deadline():
            super()._rollback()

    def _set_autocommit(self, autocommit: bool) -> None:
        with self._deadline():
            super()._set_autocommit(autocommit)
