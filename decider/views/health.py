"""`GET /healthz`: 200 when the database, the cache and `dot` answer; 503 naming what is
down. Cheap enough for a load balancer to call every few seconds: one `SELECT 1`, one
cache round trip, one look along the PATH."""

import shutil

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from architectures.render import _environment as dot_environment

PROBE_KEY = "healthz:probe"


def database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def shared_cache() -> None:
    ping = getattr(cache, "ping", None)
    if ping is not None:  # Redis: the cache itself hides errors, so ask it directly
        ping()
        return
    cache.set(PROBE_KEY, 1, 60)
    if cache.get(PROBE_KEY) != 1:
        raise OSError("the cache did not keep a value")


def graphviz() -> None:
    if shutil.which("dot", path=dot_environment()["PATH"]) is None:
        raise FileNotFoundError("Graphviz's dot is not installed")


CHECKS = {"database": database, "cache": shared_cache, "dot": graphviz}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as error:  # any failure means "down"; say which and why
            results[name] = f"down: {type(error).__name__}: {str(error)[:200]}"
    down = [name for name, result in results.items() if result != "ok"]
    body = {"status": "unavailable" if down else "ok", "down": down, "checks": results}
    response = JsonResponse(body, status=503 if down else 200)
    if down:
        response["Retry-After"] = "10"
    return response
