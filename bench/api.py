"""The API and pages under load, as ratios of a framework floor measured side by side.

Starts Decider under gunicorn with the production settings on a PostgreSQL (and a Redis)
of its own on spare loopback ports, and next to it `bench/_floor.py`, a one-endpoint
django-ninja app, under the same gunicorn and worker count. A bounded asyncio client
drives both in interleaved rounds and prints, for each of recommendations (varied
answers), a cached `diagram.svg`, `GET /` and the live preview: requests per second and
p50/p99 latency, and the throughput as a ratio of the floor's.

Targets (issue 10): recommendations >= 0.25x, cached diagram >= 0.6x, GET / >= 0.5x,
live preview median < 30 ms (one client, as one person typing; the median under load is
printed too). Run with `.venv/bin/python bench/api.py [--seconds S]`.
"""

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import ANSWERS  # noqa: E402
from tests.loopback import Timings, drive, request, varied_answers  # noqa: E402
from tests.spare_services import Gunicorn, Postgres, Redis, migrate, started  # noqa: E402

TARGETS = {"recommendations": 0.25, "diagram.svg (cached)": 0.6, "GET /": 0.5}
PREVIEW_TARGET_MS = 30.0
CLIENTS = 16
ROUNDS = 3
ONLY: list[str] = []
# The questionnaire's form as a browser posts it: the same answers, no domains.
PREVIEW_FORM = urlencode(
    ANSWERS | {"distributed_experience": "some", "consistency": "mixed",
               "domains-TOTAL_FORMS": 0, "domains-INITIAL_FORMS": 0},
    doseq=True,
)  # fmt: skip


@dataclass
class Case:
    name: str
    app: object  # async (port, n) -> Reply
    floor: object


def json_post(path: str, body: dict, **headers: str):
    data = json.dumps(body).encode()
    return lambda port, n: request(port, "POST", path, body=data,
                                   headers={"Content-Type": "application/json", **headers})  # fmt: skip


def get(path: str, **headers: str):
    return lambda port, n: request(port, "GET", path, headers=headers)


def recommendations():
    rng = random.Random(7)
    bodies = [json.dumps(varied_answers(rng)).encode() for _ in range(500)]
    headers = {"Content-Type": "application/json"}
    return lambda port, n: request(port, "POST", "/api/v1/recommendations",
                                   body=bodies[n % len(bodies)], headers=headers)  # fmt: skip


async def preview_session(port: int):
    """A browser's CSRF cookie and token, as the questionnaire page hands them out."""
    page = await request(port, "GET", "/")
    cookie = page.headers["set-cookie"].split(";", 1)[0]
    token = cookie.split("=", 1)[1]
    headers = {"Cookie": cookie, "X-CSRFToken": token, "HX-Request": "true",
               "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
    body = PREVIEW_FORM.encode()
    return lambda port, n: request(port, "POST", "/preview/", body=body, headers=headers)


async def measure(case: Case, app_port: int, floor_port: int, seconds: float):
    app, floor = Timings(), Timings()
    for _ in range(ROUNDS):  # interleaved, so drift in the machine hits both alike
        for timings, port, make in ((floor, floor_port, case.floor), (app, app_port, case.app)):
            result = await drive(lambda n, m=make, p=port: m(p, n), clients=CLIENTS,
                                 seconds=seconds, max_requests=100_000)  # fmt: skip
            timings.seconds += result.seconds
            timings.errors += result.errors
            timings.elapsed += result.elapsed
    return app, floor


def line(name: str, app: Timings, floor: Timings) -> str:
    ratio = app.per_second / floor.per_second if floor.per_second else 0.0
    target = TARGETS.get(name)
    verdict = "" if target is None else (" ok" if ratio >= target else f" BELOW {target}x")
    return (
        f"{name:22} app {app.per_second:7.1f} req/s p50 {app.median * 1000:6.1f} ms "
        f"p99 {app.percentile(0.99) * 1000:7.1f} ms | floor {floor.per_second:7.1f} req/s "
        f"p50 {floor.median * 1000:5.1f} ms | {ratio:5.2f}x{verdict}"
        + (f" | errors app {app.errors} floor {floor.errors}" if app.errors or floor.errors else "")
    )


async def run(app_port: int, floor_port: int, seconds: float) -> None:
    created = await request(app_port, "POST", "/api/v1/recommendations",
                            body=json.dumps(ANSWERS).encode(),
                            headers={"Content-Type": "application/json"})  # fmt: skip
    svg = created.json()["diagram"]["svg"]
    assert (await request(app_port, "GET", svg)).status == 200  # rendered once, then cached
    floor_post = json_post("/floor", {"teams": 8})
    cases = [
        Case("recommendations", recommendations(), floor_post),
        Case("diagram.svg (cached)", get(svg), get("/floor")),
        Case("GET /", get("/"), get("/floor")),
        Case("live preview", await preview_session(app_port), floor_post),
    ]
    print(f"{CLIENTS} clients, {ROUNDS} interleaved rounds of {seconds:.0f} s per side")
    for case in cases:
        if ONLY and not any(word in case.name for word in ONLY):
            continue
        app, floor = await measure(case, app_port, floor_port, seconds)
        print(line(case.name, app, floor), flush=True)
        if case.name == "live preview":  # the target is one person typing: one client
            alone = await drive(lambda n, c=case: c.app(app_port, n), clients=1,
                                seconds=seconds, max_requests=100_000)  # fmt: skip
            verdict = "ok" if alone.median * 1000 < PREVIEW_TARGET_MS else "ABOVE target"
            print(f"{'':22} live preview alone: median {alone.median * 1000:.1f} ms, p99 "
                  f"{alone.percentile(0.99) * 1000:.1f} ms (target < {PREVIEW_TARGET_MS:.0f} "
                  f"ms median): {verdict}; under {CLIENTS} clients: median "
                  f"{app.median * 1000:.1f} ms")  # fmt: skip


def floor_server(workers: int) -> Gunicorn:
    return Gunicorn({"DECIDER_ACCESS_LOG": "0"}, workers=workers, app="bench._floor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per round and side")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--only", nargs="*", default=[], help="cases whose name has a word")
    args = parser.parse_args()
    ONLY.extend(args.only)
    engine = subprocess.run(["git", "log", "-1", "--format=%h %s", "--", "decider/engine"],
                            cwd=ROOT, capture_output=True, text=True).stdout.strip()  # fmt: skip
    print(f"engine at: {engine or 'unknown'}; gunicorn, {args.workers} workers each")
    with started(Postgres()) as postgres, started(Redis()) as redis:
        migrate(postgres.url())
        env = {"DATABASE_URL": postgres.url(), "REDIS_URL": redis.url,
               "DECIDER_ACCESS_LOG": "0", "DJANGO_LOG_LEVEL": "error"}  # fmt: skip
        with started(Gunicorn(env, workers=args.workers)) as app, \
                started(floor_server(args.workers)) as floor:  # fmt: skip
            asyncio.run(run(app.port, floor.port, args.seconds))


if __name__ == "__main__":
    os.environ.pop("DJANGO_DEBUG", None)  # production settings, whatever make bench sets
    try:
        main()
    except pytest.skip.Exception as missing:  # the spare services say what is not installed
        print(f"bench/api.py needs it: {missing}")
