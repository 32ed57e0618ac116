"""A flood of large renders leaves the rest of the site working (`make load-test`).

Five reviews of 300 components and 3,000 links each; 30 loopback clients ask for their
PDF and SVG (PNG is refused at that size) for 20 s while one task worker draws them, one `dot` at a time. Every
answer is a quick 202 (or, once drawn, the picture), and meanwhile the catalog and the
pages answer as fast as ever.
"""

import asyncio
import json
import random
import subprocess
import sys
import time

import pytest

from tests.loopback import Timings, drive, request
from tests.spare_services import ROOT, Gunicorn, migrate, started

pytestmark = pytest.mark.load

CLIENTS = 30
SECONDS = 20.0


def large_architecture(seed: int) -> dict:
    rng = random.Random(seed)
    components = [{"name": f"svc-{seed}-{n}", "kind": "service", "team": f"team {n % 25}"}
                  for n in range(300)]  # fmt: skip
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < 3000:
        a, b = rng.randrange(300), rng.randrange(300)
        if a != b:
            pairs.add((a, b))
    links = [{"source": f"svc-{seed}-{a}", "target": f"svc-{seed}-{b}"} for a, b in pairs]
    return {"components": components, "links": links}


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('flood')}/db.sqlite3"
    migrate(url)
    env = {"DATABASE_URL": url, "DECIDER_ACCESS_LOG": "0", "DECIDER_DOT_CONCURRENCY": "1",
           "DECIDER_DOT_SLOTS_DIR": str(tmp_path_factory.mktemp("slots"))}  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"],
        cwd=ROOT, env={**Gunicorn.environment(env)}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        with started(Gunicorn(env, workers=3)) as server:
            yield server
    finally:
        worker.terminate()
        worker.wait(timeout=30)


async def flood(port: int) -> tuple[Timings, Timings, dict[int, int]]:
    urls = []
    for seed in range(5):
        body = json.dumps(large_architecture(seed)).encode()
        review = await request(
            port,
            "POST",
            "/api/v1/reviews",
            body=body,
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        assert review.status == 201, review.body[:300]
        urls += [review.json()["diagram"][fmt] for fmt in ("pdf", "svg")]  # PNG: refused
    statuses: dict[int, int] = {}

    async def large(n: int):
        reply = await request(port, "GET", urls[n % len(urls)], timeout=10)
        statuses[reply.status] = statuses.get(reply.status, 0) + 1
        return reply

    async def catalog(n: int):
        return await request(port, "GET", "/api/v1/anti-patterns" if n % 2 else "/anti-patterns/")

    renders, others = await asyncio.gather(
        drive(large, clients=CLIENTS, seconds=SECONDS, max_requests=50_000),
        drive(catalog, clients=2, seconds=SECONDS, max_requests=50_000),
    )
    return renders, others, statuses


def test_a_flood_of_large_renders_leaves_the_site_answering(stack):
    started_at = time.monotonic()
    renders, others, statuses = asyncio.run(flood(stack.port))
    assert renders.errors == 0 and others.errors == 0, statuses
    assert set(statuses) <= {200, 202}, statuses
    assert statuses.get(202, 0) > 0  # the large ones really went to the queue
    assert renders.percentile(0.99) < 4.0  # nobody waits for dot in a request
    # 30 flooding clients share the three sync workers with the catalog's: it queues
    # behind them for a moment, but never for a render (before: 9.9 s, then 503s).
    assert max(others.seconds) < 5.0 and others.median < 0.5
    print(
        f"\n  {sum(statuses.values())} large-render requests in {SECONDS:.0f} s "
        f"({statuses}), p99 {renders.percentile(0.99) * 1000:.0f} ms; meanwhile "
        f"{len(others.seconds)} catalog requests, p50 {others.median * 1000:.0f} ms, "
        f"p99 {others.percentile(0.99) * 1000:.0f} ms ({time.monotonic() - started_at:.0f} s)"
    )
