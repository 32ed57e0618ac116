"""Running the commands as a person or a CI job does: a real process, its exit code, its
standard output and error."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]


def run(*args: str, stdin: bytes = b"", path: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "decider.settings"}
    env.pop("DJANGO_DEBUG", None)
    env.pop("REDIS_URL", None)
    # A cache of its own: a picture an earlier run drew must not stand in for `dot`.
    env["DECIDER_CACHE_DIR"] = tempfile.mkdtemp(prefix="decider-cli-cache-")
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )
