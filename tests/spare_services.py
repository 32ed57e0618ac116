"""PostgreSQL, Redis, a freezable TCP proxy and gunicorn, started by a test on spare
loopback ports, so fault tests can stop or freeze them without touching shared services.

Everything started here is stopped by the same object, by its own process id.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


def needs(tool: str | None) -> None:
    if tool is None or (not Path(tool).exists() and shutil.which(tool) is None):
        pytest.skip(f"{tool or 'PostgreSQL'} is not installed here")


class Postgres:
    """A throwaway cluster in a temporary directory (as the postgres user when root)."""

    def __init__(self) -> None:
        needs(str(PG_BIN / "initdb") if PG_BIN else None)
        self.dir = Path(tempfile.mkdtemp(prefix="decider-pg-"))
        self.port = free_port()
        self._as_user = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if self._as_user:
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.dir / "data"), "-U", "postgres", "-A", "trust")
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        command = [*self._as_user, str(PG_BIN / tool), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.dir / "data"),
            "-o",
            options,
            "-w",
            "start",
            "-l",
            str(self.dir / "log"),
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")

    def url(self, port: int | None = None, name: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{port or self.port}/{name}"

    def close(self) -> None:
        with suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    def __init__(self) -> None:
        needs("redis-server")
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        try:
            wait_for_port(self.port)
        except TimeoutError:
            self.kill()  # never leave a server behind that never listened
            raise

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def close(self) -> None:
        self.kill()


class FreezableProxy:
    """Forwards loopback TCP to `target_port`. Frozen, it keeps accepting connections and
    reading bytes but answers nothing: a server that hangs, as seen by its clients."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.frozen = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stopping = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stopping:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
        except OSError:
            client.close()
            return
        for source, sink in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                while self.frozen.is_set() and not self._stopping:
                    time.sleep(0.05)  # hold the bytes: the other side waits for ever
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._stopping = True
        self.frozen.clear()
        self._listener.close()


_STATIC_ROOT: list[str] = []


def collected_static() -> str:
    """A STATIC_ROOT with collectstatic run once per test session (production storage)."""
    if not _STATIC_ROOT:
        root = tempfile.mkdtemp(prefix="decider-static-")
        production = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "x" * 50}
        manage("collectstatic", env={**production, "DJANGO_STATIC_ROOT": root})
        _STATIC_ROOT.append(root)
    return _STATIC_ROOT[0]


class Gunicorn:
    """Decider under gunicorn, as `make serve` runs it, with `env` on top of this one's."""

    def __init__(
        self, env: dict[str, str], workers: int = 2, timeout: int = 30, app: str = "decider.wsgi"
    ) -> None:
        self.port = free_port()
        full_env = self.environment(env)
        self.log = tempfile.NamedTemporaryFile(prefix="decider-gunicorn-", suffix=".log")  # noqa: SIM115 (closed in close())
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                app,
                "-c",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                str(timeout),
            ],
            cwd=ROOT,
            env=full_env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_for_port(self.port, timeout=30)
        except TimeoutError as error:
            output = self.output()
            self.close()  # never leave a server behind that never listened
            raise TimeoutError(f"gunicorn did not listen:\n{output[-3000:]}") from error

    @staticmethod
    def environment(env: dict[str, str]) -> dict[str, str]:
        """This process's environment with production settings, and `env` on top."""
        full = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_STATIC_ROOT": collected_static(),
            "DECIDER_CACHE_DIR": tempfile.mkdtemp(prefix="decider-cache-"),
            **env,
        }
        full.pop("PYTEST_CURRENT_TEST", None)
        return full

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in found.stdout.split()]

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")

    def close(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


@contextmanager
def started(service: object) -> Iterator[object]:
    try:
        yield service
    finally:
        service.close()  # type: ignore[attr-defined]


def manage(command: str, env: dict[str, str]) -> None:
    """`manage.py command --noinput` in a fresh process, with `env` on top of this one's."""
    full = {**os.environ, **env}
    full.pop("PYTEST_CURRENT_TEST", None)
    subprocess.run(
        [sys.executable, "manage.py", command, "--noinput", "-v", "0"],
        cwd=ROOT,
        env=full,
        check=True,
        timeout=300,
    )


def migrate(database_url: str) -> None:
    manage("migrate", env={"DATABASE_URL": database_url, "DJANGO_DEBUG": "1"})
