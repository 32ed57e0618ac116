"""This browser's recent assessments, reviews and decompositions.

The list lives in the session only: nothing lists saved work across browsers, and the
ids are random UUIDs, so nobody can enumerate another person's results."""

from datetime import UTC, datetime
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

SESSION_KEY = "recent"
KEEP = 20


def remember(request: HttpRequest, *, kind: str, url: str, title: str) -> None:
    """Put a saved result at the top of this browser's recent list (once)."""
    entries = [e for e in request.session.get(SESSION_KEY, []) if e["url"] != url]
    seen = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    entries.insert(0, {"kind": kind, "url": url, "title": title, "seen": seen})
    request.session[SESSION_KEY] = entries[:KEEP]


def remembered(view: Any, model: Any, kind: str) -> Any:
    """`view`, recording the object it shows (by `pk`) in the recent list when it is found.
    For views of other modules, so that they need no change."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, pk, **kwargs)
        saved = model.objects.filter(pk=pk).first()
        if response.status_code == 200 and saved is not None:
            remember(request, kind=kind, url=saved.get_absolute_url(), title=str(saved))
        return response

    return wrapper


def recent(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        request.session.pop(SESSION_KEY, None)
    return render(request, "recent.html", {"entries": request.session.get(SESSION_KEY, [])})
