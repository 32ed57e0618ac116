"""This browser's recent assessments, reviews and decompositions.

The list lives in the session only: nothing lists saved work across browsers, and the
ids are random UUIDs, so nobody can enumerate another person's results."""

from datetime import UTC, datetime

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


def recent(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        request.session.pop(SESSION_KEY, None)
    return render(request, "recent.html", {"entries": request.session.get(SESSION_KEY, [])})
