"""Progress of queued work: a page that htmx polls, and the inline diagram placeholder."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from decider.diagrams import XML_PROLOGUE
from decider.jobs import queue
from decider.jobs.models import Rendering
from decider.jobs.renders import Pending, rendering_for_task

POLL_SECONDS = 1


@never_cache
@vary_on_headers("HX-Request")
def progress(request: HttpRequest, task_id: str) -> HttpResponse:
    """Where the work stands; once done, the browser goes to its result."""
    described = queue.describe(task_id)
    if described is None:
        raise Http404("No such task.")
    next_url = request.GET.get("next", "")
    target = described.get("url") or (next_url if queue.safe_next(next_url) else "")
    if described["status"] == "done" and target:
        if request.htmx:
            return HttpResponseClientRedirect(target)
        return HttpResponseRedirect(target)
    context = {"task": described, "target": target, "poll": POLL_SECONDS}
    template = "partials/task_progress.html" if request.htmx else "task_progress.html"
    return render(request, template, context)


@never_cache
def inline_render(request: HttpRequest, task_id: str) -> HttpResponse:
    """The placeholder again while the diagram is drawn, then the SVG itself."""
    rendering = rendering_for_task(task_id)
    if rendering is None:
        raise Http404("No such diagram.")
    if rendering.status == Rendering.Status.DONE:
        svg = bytes(rendering.content).decode()
        return HttpResponse(XML_PROLOGUE.sub("", svg))
    if rendering.status == Rendering.Status.FAILED:
        return render(request, "partials/render_failed.html", {"error": rendering.error})
    described = queue.describe(task_id) or {"status": "queued"}
    pending = Pending(task_id, described["status"])
    return render(request, "partials/render_progress.html", {"pending": pending})
