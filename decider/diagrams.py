"""Downloads over HTTP: every export of `decider.exports`, pictures cached, conditional GETs.

Rendering runs `dot`, which costs tens of milliseconds to seconds; the bytes are cached in
Django's cache under a hash of the DOT source and the format, so a second request for the
same picture never runs `dot` again. Renders are bounded everywhere:

- at most `DOT_CONCURRENCY` `dot` processes run at once on the machine (`dot_slots`);
- a DOT source past a format's `RENDER_LIMIT_BYTES` is refused (PNG first: its bitmap
  grows with the square of the drawing), pointing to the formats that still work;
- past `RENDER_TASK_BYTES` the render runs on a task worker: the API answers 202 with a
  status URL, a browser is sent to a progress page, an inline diagram becomes a
  placeholder that htmx polls (see `decider.jobs.renders`);
- a failed render is remembered for `RENDER_FAILURE_SECONDS`, so a hostile diagram
  cannot keep the workers busy by being requested again and again.
"""

import hashlib
import logging
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.utils.http import parse_etags

from architectures.diagram import to_dot
from architectures.model import Architecture
from architectures.render import DotMissing, RenderError, render
from decider.dot_slots import RenderBusy, dot_slot
from decider.exports import BY_NAME, Drawing, Export, filename
from decider.jobs import renders
from decider.models import Saved

logger = logging.getLogger(__name__)

CACHE_SECONDS = 24 * 3600
MAX_AGE = 3600
SLOT_WAIT_SECONDS = 3.0  # a request waits this long for a free `dot`, then answers 503


XML_PROLOGUE = re.compile(r"^\s*<\?xml[^>]*\?>\s*")


def export(
    architecture: Architecture,
    fmt: str,
    *,
    marks: Mapping[str, Sequence[int]] = {},  # noqa: B006 (read only)
    title: str | None = None,
) -> bytes:
    """An architecture's export named `fmt` (see `decider.exports`); raises `RenderError`
    if `dot` fails."""
    drawing = Drawing(title or "", architecture=architecture, marks=marks)
    return render_export(drawing, BY_NAME[fmt], "review")


def render_export(drawing: Drawing, export: Export, resource: str) -> bytes:
    """The bytes of `export` for a saved `resource`'s drawing; pictures through the cache."""
    if export.picture:
        return _rendered(drawing_dot(drawing), export.name)
    return export.renderer(resource)(drawing).encode()


def drawing_dot(drawing: Drawing) -> str:
    """The DOT a drawing's pictures are drawn from (an architecture's is remembered)."""
    if drawing.architecture is None:
        return drawing.dot()
    return dot_source(drawing.architecture, marks=drawing.marks, title=drawing.title or None)


def dot_source(
    architecture: Architecture,
    *,
    marks: Mapping[str, Sequence[int]] = {},  # noqa: B006 (read only)
    title: str | None = None,
) -> str:
    """`to_dot`, remembered per process: building DOT costs more than a cache hit."""
    frozen_marks = tuple(sorted((name, tuple(badges)) for name, badges in marks.items()))
    return _memoised_dot(architecture, frozen_marks, title)


@lru_cache(maxsize=32)  # a large DOT is ~150 KB: this keeps a few MB per process
def _memoised_dot(
    architecture: Architecture, marks: tuple[tuple[str, tuple[int, ...]], ...], title: str | None
) -> str:
    return to_dot(architecture, marks=dict(marks), title=title)


def clear_memo() -> None:
    _memoised_dot.cache_clear()


def cache_key(dot: str, fmt: str) -> str:
    return "diagram:" + hashlib.sha256(f"{fmt}\0{dot}".encode()).hexdigest()


class RenderRefused(RenderError):
    """The same diagram failed a moment ago; it is not tried again yet."""


def _rendered(dot: str, fmt: str, wait: float = SLOT_WAIT_SECONDS) -> bytes:
    key = cache_key(dot, fmt)
    cached = cache.get(key)
    if cached is not None:
        return cached
    if cache.get(_failure_key(key)):
        raise RenderRefused(
            "This diagram could not be drawn a moment ago, so it is not tried again yet."
        )
    try:
        with dot_slot(wait):
            output = render(dot, fmt)
    except (DotMissing, RenderBusy):
        raise  # not the diagram's fault: try again as soon as it is asked for
    except RenderError:
        cache.set(_failure_key(key), True, settings.RENDER_FAILURE_SECONDS)
        raise
    cache.set(key, output, CACHE_SECONDS)
    return output


def _failure_key(key: str) -> str:
    return key.replace("diagram:", "diagram-failed:", 1)


def too_large_for(dot: str, fmt: str) -> str | None:
    """Why `dot` is too large to render as `fmt`, or None when it is not."""
    limit = settings.RENDER_LIMIT_BYTES.get(fmt)
    if limit is None or len(dot.encode()) <= limit:
        return None
    fits = [f for f, most in settings.RENDER_LIMIT_BYTES.items() if len(dot.encode()) <= most]
    other = " or ".join(f.upper() for f in fits) if fits else "DOT, Mermaid or PlantUML text"
    return f"This diagram is too large to draw as {fmt.upper()}; download it as {other}."


def is_queued_render(dot: str, fmt: str) -> bool:
    return len(dot.encode()) > settings.RENDER_TASK_BYTES.get(fmt, len(dot.encode()))


def _quoted(digest: str) -> str:
    return f'"{digest.removeprefix("diagram:")[:40]}"'


def _download(body: bytes, export: Export, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if export.name == "svg":
        # Served from our own origin, so keep any script in an SVG from ever running.
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


def etag_matches(request: HttpRequest, etag: str) -> bool:
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    # If-None-Match uses the weak comparison: W/"x" matches "x".
    tags = [tag.removeprefix("W/") for tag in parse_etags(header)]
    return "*" in tags or etag in tags


def _with_caching(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


def _unavailable(error: RenderError) -> JsonResponse:
    logger.warning("Diagram rendering failed: %s", type(error).__name__)
    if isinstance(error, DotMissing):
        detail = "Diagrams are unavailable: Graphviz's dot program is not installed on the server."
    else:
        detail = f"{error} Please try again later, or download the DOT, Mermaid or PlantUML text."
    response = JsonResponse({"detail": detail}, status=503)
    response["Cache-Control"] = "no-store"
    response["Retry-After"] = "60"
    return response


def inline_svg(
    architecture: Architecture,
    *,
    marks: Mapping[str, Sequence[int]] = {},  # noqa: B006 (read only)
    title: str | None = None,
) -> str | None:
    """The SVG to embed in a page, without its XML prologue; None when rendering failed."""
    return inline_dot_svg(dot_source(architecture, marks=marks, title=title))


def inline_drawing(drawing: Drawing) -> str | None:
    """A saved result's diagram as its downloads draw it, to embed in its page; None when
    rendering failed."""
    return inline_dot_svg(drawing_dot(drawing))


def download_response(
    request: HttpRequest, saved: Saved, drawing: Drawing, export: Export
) -> HttpResponse:
    """One of a saved result's downloads, for GET and HEAD alike: ETag and 304, caching
    headers, the size limits and the task queue for large pictures, a JSON 503 when `dot`
    fails. The ETag of a picture comes from its DOT, so a revalidation costs no render."""
    name = filename(saved, export)
    if not export.picture:
        body = render_export(drawing, export, saved.resource)
        return _document(request, body, export, name)
    dot = drawing_dot(drawing)
    etag = _quoted(cache_key(dot, export.name))
    if etag_matches(request, etag):
        return _with_caching(HttpResponse(status=304), etag)
    if reason := too_large_for(dot, export.name):
        return _refused(reason)
    try:
        if is_queued_render(dot, export.name):
            body = renders.obtain(dot, export.name)
        else:
            body = _rendered(dot, export.name)
    except renders.Pending as pending:
        return _accepted(request, pending)
    except RenderError as error:
        return _unavailable(error)
    return _with_caching(_download(body, export, name), etag)


def _document(request: HttpRequest, body: bytes, export: Export, name: str) -> HttpResponse:
    etag = _quoted(hashlib.sha256(body).hexdigest())
    if etag_matches(request, etag):
        return _with_caching(HttpResponse(status=304), etag)
    return _with_caching(_download(body, export, name), etag)


def _refused(reason: str) -> JsonResponse:
    detail = [{"loc": ["path", "fmt"], "msg": reason, "type": "too_large"}]
    return JsonResponse({"detail": detail}, status=422)


def _accepted(request: HttpRequest, pending: "renders.Pending") -> HttpResponse:
    """202 for a program, with where to ask; a browser goes to the progress page."""
    progress = pending.progress_url(next_url=request.get_full_path())
    if "text/html" in request.headers.get("Accept", ""):
        return HttpResponseRedirect(progress, status=303)
    body = {
        "status": pending.status,
        "status_url": pending.status_url,
        "progress_url": progress,
        "url": request.get_full_path(),
        "detail": "The diagram is being drawn; ask the status URL, then this URL again.",
    }
    response = JsonResponse(body, status=202)
    response["Location"] = pending.status_url
    response["Retry-After"] = "2"
    response["Cache-Control"] = "no-store"
    return response


def inline_dot_svg(dot: str) -> str | None:
    """The SVG of `dot` to embed in a page, without its XML prologue; None when rendering
    failed. A large diagram drawn by a task worker is, until it is ready, a placeholder
    that htmx replaces with the SVG (see `templates/partials/render_progress.html`)."""
    if too_large_for(dot, "svg"):
        return None
    try:
        if is_queued_render(dot, "svg"):
            svg = renders.obtain(dot, "svg").decode()
        else:
            svg = _rendered(dot, "svg").decode()
    except renders.Pending as pending:
        return render_to_string("partials/render_progress.html", {"pending": pending})
    except RenderError:
        logger.warning("Inline diagram unavailable", exc_info=True)
        return None
    return XML_PROLOGUE.sub("", svg)
