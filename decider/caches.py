"""Cache backends that never fail a request, and never grow without bound.

`ResilientRedisCache`: a read error is a miss and a write error is ignored, both logged.
Sockets time out in a fraction of a second, and after an error Redis is left alone for
`COOLDOWN` seconds, so a Redis that is down or silent costs each request microseconds
and the worker one short timeout per cooldown, not seconds per request.

`BoundedFileCache`: Django's file cache, shared by every process on the machine, with a
limit in bytes on disk (the stock one counts entries, whatever their size); the
processes keep nothing in memory.
"""

import logging
import os
import pickle
import time
import zlib
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

COOLDOWN = 5.0
REDIS_TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
MiB = 1024 * 1024


class _ReusedClients(RedisCacheClient):
    """Django makes a new redis-py client per call (~0.2 ms); one per pool is enough, as
    the clients are thread-safe and share the pool anyway."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[bool, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        if write not in self._clients:
            self._clients[write] = super().get_client(key, write=write)
        return self._clients[write]


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = {**REDIS_TIMEOUTS, **params.get("OPTIONS", {})}
        self.cooldown = float(options.pop("COOLDOWN", COOLDOWN))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = _ReusedClients
        self._down_until = 0.0

    def _guarded(self, default: Any, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() < self._down_until:
            return default
        try:
            return call(*args, **kwargs)
        except Exception as error:  # redis-py raises several families; all mean "no cache"
            self._down_until = time.monotonic() + self.cooldown
            logger.warning(
                "Cache unavailable (%s: %s); going on without it for %.0f s",
                type(error).__name__,
                error,
                self.cooldown,
            )
            return default

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guarded(default, super().get, key, default, version)

    def get_many(self, keys: Any, version: int | None = None) -> dict[str, Any]:
        return self._guarded({}, super().get_many, keys, version)

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._guarded(False, super().has_key, key, version)

    def set(self, *args: Any, **kwargs: Any) -> None:
        self._guarded(None, super().set, *args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> list[str]:
        return self._guarded([], super().set_many, *args, **kwargs)

    def add(self, *args: Any, **kwargs: Any) -> bool:
        return self._guarded(False, super().add, *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> bool:
        return self._guarded(False, super().touch, *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        return self._guarded(False, super().delete, *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        self._guarded(None, super().delete_many, *args, **kwargs)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        # incr of a missing key raises ValueError in Django's contract; keep that.
        if time.monotonic() < self._down_until:
            raise ValueError(f"Key {key!r} not found (the cache is unavailable).")
        return super().incr(key, delta, version)

    def clear(self) -> None:
        self._guarded(None, super().clear)

    def ping(self) -> None:
        """Raise unless Redis answers now (for the health check, which must know)."""
        self._cache.get_client(write=True).ping()


class BoundedFileCache(FileBasedCache):
    """OPTIONS: `MAX_BYTES` on disk (default 256 MiB) and `MAX_ENTRY_BYTES` per entry
    (default an eighth of that); entries past it are simply not cached."""

    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.max_bytes = int(options.pop("MAX_BYTES", 256 * MiB))
        self.max_entry_bytes = int(options.pop("MAX_ENTRY_BYTES", self.max_bytes // 8))
        super().__init__(dir, {**params, "OPTIONS": options})

    def _cull(self) -> None:
        """Nothing before a write: `set` culls by bytes after it, in one scan of the folder
        (Django's own cull, by entry count, would list the folder a second time)."""

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        try:
            super().set(key, value, timeout, version)
            path = self._key_to_file(key, version)
            if os.path.getsize(path) > self.max_entry_bytes:
                os.remove(path)
            self._cull_bytes()
        except OSError as error:  # a full or read-only disk: go on without caching
            logger.warning("File cache write failed: %s", error)

    def _write_content(self, file: Any, timeout: Any, value: Any) -> None:
        # The fastest zlib level: rendered diagrams are written on the request path, and
        # level 1 costs a fraction of the default's time for nearly the same size.
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol), 1))

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except (
            OSError,
            EOFError,
            ValueError,
            zlib.error,
            pickle.UnpicklingError,
        ) as error:  # a torn or unreadable file: a miss
            logger.warning("File cache read failed: %s", error)
            return default

    def size_on_disk(self) -> int:
        return sum(size for _, size, _ in self._entries())

    def _entries(self) -> list[tuple[str, int, float]]:
        found = []
        try:
            with os.scandir(self._dir) as scan:
                for entry in scan:
                    if entry.name.endswith(self.cache_suffix):
                        stat = entry.stat()
                        found.append((entry.path, stat.st_size, stat.st_mtime))
        except FileNotFoundError:
            return []
        return found

    def _cull_bytes(self) -> None:
        """Remove the least recently written entries until nine tenths of the limit."""
        entries = self._entries()
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        for path, size, _ in sorted(entries, key=lambda e: e[2]):
            if total <= self.max_bytes * 0.9:
                break
            try:
                os.remove(path)
                total -= size
            except FileNotFoundError:
                pass
