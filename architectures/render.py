"""DOT source rendered to SVG, PNG or PDF by Graphviz's `dot`, in memory.

`dot` runs with a minimal environment: `SERVER_NAME` set and `GV_FILE_PATH` empty make it
refuse to read any file (images, fonts by path, `imagepath`), so even DOT that slipped past
escaping cannot embed a local file. Its stderr can reveal whether a file exists, so it is
logged, never put in an exception message that a user might see.
"""

import logging
import os
import re
import shutil
import subprocess

logger = logging.getLogger(__name__)

FORMATS = ("svg", "png", "pdf")
# PNGs at twice the screen density (192 instead of 96 dpi), sharp on a slide or a
# high-density display: 9-point text is 24 pixels tall.
PNG_DPI = 192
TIMEOUT_SECONDS = 10.0
_SVG_CLUTTER = re.compile(rb"<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.DOTALL)


class RenderError(Exception):
    """The diagram could not be rendered; the message is safe to show to users."""


class RenderTimeout(RenderError):
    pass


class RenderFailed(RenderError):
    pass


class DotMissing(RenderError):
    pass


def render(dot_source: str, fmt: str) -> bytes:
    """`dot_source` rendered by `dot -T<fmt>`; raises a `RenderError` when that fails."""
    if fmt not in FORMATS:
        raise ValueError(f"Cannot render {fmt!r}; choose one of {', '.join(FORMATS)}.")
    output = _run_dot(dot_arguments(fmt), dot_source.encode())
    return _SVG_CLUTTER.sub(b"", output) if fmt == "svg" else output


def dot_arguments(fmt: str) -> list[str]:
    """What `dot` is asked for a format (the benchmark runs raw `dot` with the same)."""
    return ["-T" + fmt, *([f"-Gdpi={PNG_DPI}"] if fmt == "png" else [])]


def _environment() -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "SERVER_NAME": "decider",
        "GV_FILE_PATH": "",
    }


def _run_dot(args: list[str], stdin: bytes) -> bytes:
    env = _environment()
    executable = shutil.which("dot", path=env["PATH"])
    if executable is None:
        raise DotMissing("Graphviz's dot program is not installed, so diagrams cannot be drawn.")
    try:
        result = subprocess.run(
            [executable, *args],
            input=stdin,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        logger.warning("dot timed out after %ss", error.timeout)
        raise RenderTimeout("Drawing the diagram took too long.") from None
    except OSError as error:
        logger.warning("dot could not be started: %s", error)
        raise DotMissing("Graphviz's dot program could not be started.") from None
    if result.returncode != 0 or not result.stdout:
        _log_failure(result)
        raise RenderFailed("The diagram could not be drawn.")
    if result.stderr:
        logger.warning("dot warned: %s", result.stderr.decode(errors="replace")[:2000])
    return result.stdout


def _log_failure(result: subprocess.CompletedProcess) -> None:
    stderr = result.stderr.decode(errors="replace")[:2000]
    logger.warning("dot failed with exit status %s: %s", result.returncode, stderr)
