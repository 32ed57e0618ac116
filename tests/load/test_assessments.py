"""Load tests (`make load-test`, run by .ci/run): 50 loopback clients for 30 s creating
assessments on a PostgreSQL this test starts, under gunicorn as `make serve` runs it.

Each client sends varied answers with an `Idempotency-Key` and retries a broken request
with the same key, and a cut diagram read as it is, as a careful client would. Afterwards every assessment a client was
told about must be retrievable with its answers, and the database must hold exactly one
row per key: nothing committed lost, nothing duplicated.
"""

import asyncio
import json
import os
import random
import signal
import time
import uuid

import psycopg
import pytest

from tests.loopback import Reply, request, varied_answers
from tests.spare_services import Gunicorn, Postgres, Redis, migrate, started

pytestmark = pytest.mark.load

CLIENTS = 50
SECONDS = 30.0
MAX_REQUESTS = 20_000  # a bound, whatever the speed of the machine
RETRIES = 8
KILLS = 10


@pytest.fixture(scope="module")
def postgres():
    with started(Postgres()) as cluster:
        yield cluster


@pytest.fixture
def database_url(postgres, request):
    name = "load_" + request.node.name.removeprefix("test_")[:40]
    with psycopg.connect(postgres.url(), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = postgres.url(name=name)
    migrate(url)
    return url


class Outcome:
    def __init__(self) -> None:
        self.created: dict[str, tuple[str, dict]] = {}  # key -> (id, answers sent)
        self.errors: list[str] = []
        self.retries = 0
        self.replays = 0
        self.cache_reads = 0
        self.cache_down = False  # set while a test has stopped Redis
        self.reads_while_down = 0


async def create(port: int, outcome: Outcome, rng: random.Random, with_diagram: bool) -> None:
    await create_with_key(port, outcome, varied_answers(rng), uuid.uuid4().hex, with_diagram)


async def create_with_key(
    port: int, outcome: Outcome, answers: dict, key: str, with_diagram: bool = False
) -> None:
    body = json.dumps(answers).encode()
    headers = {"Content-Type": "application/json", "Idempotency-Key": key}
    reply = await with_retries(outcome, lambda: request(port, "POST", "/api/v1/recommendations",
                                                        body=body, headers=headers))  # fmt: skip
    if reply is None or reply.status != 201:
        outcome.errors.append(f"{key}: {reply.status if reply else 'no answer'}")
        return
    assessment = reply.json()
    outcome.created[key] = (assessment["id"], answers)
    outcome.replays += reply.headers.get("idempotent-replayed") == "true"
    if with_diagram:  # a cached diagram read, through Redis when there is one
        down = outcome.cache_down
        diagram = await with_retries(
            outcome, lambda: request(port, "GET", assessment["diagram"]["svg"])
        )
        outcome.cache_reads += 1
        outcome.reads_while_down += down and outcome.cache_down
        if diagram is None or diagram.status != 200:
            outcome.errors.append(
                f"{assessment['id']}.svg: {diagram.status if diagram else 'no answer'}"
            )


async def with_retries(outcome: Outcome, send) -> Reply | None:
    """Send until the answer is not a gateway error or a cut connection, as a careful client
    does: a worker killed mid-request closes the connection without an answer, and a GET
    or a keyed POST is safe to repeat. Every retry is counted, so a test can demand none."""
    reply = None
    for attempt in range(RETRIES):
        try:
            reply = await send()
        except (OSError, TimeoutError):
            reply = None
        if reply is not None and reply.status not in (502, 503, 504):
            return reply
        outcome.retries += 1
        await asyncio.sleep(0.1 * (attempt + 1))
    return reply


async def disconnect_then_retry(port: int, outcome: Outcome, count: int = 20) -> None:
    """The client that saw a disconnect after the server committed: it hangs up right
    after sending, then retries with the same key, and must get the first answer."""
    rng = random.Random(99)
    for _ in range(count):
        answers, key = varied_answers(rng), uuid.uuid4().hex
        body = json.dumps(answers).encode()
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(
            b"POST /api/v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nConnection: close\r\n"
            + f"Idempotency-Key: {key}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        writer.close()  # gone before the answer
        await asyncio.sleep(0.3)  # the server finishes and commits meanwhile
        outcome.retries += 1
        await create_with_key(port, outcome, answers, key)


async def load(port: int, *, during=None) -> Outcome:
    outcome = Outcome()
    deadline = time.monotonic() + SECONDS
    sent = 0

    async def client(number: int) -> None:
        nonlocal sent
        rng = random.Random(number)
        while time.monotonic() < deadline and sent < MAX_REQUESTS:
            sent += 1
            await create(port, outcome, rng, with_diagram=sent % 10 == 0)

    tasks = [client(n) for n in range(CLIENTS)]
    if during is not None:
        tasks.append(during(outcome))
    await asyncio.gather(*tasks)
    return outcome


async def check_all_retrievable(port: int, outcome: Outcome) -> list[str]:
    problems: list[str] = []
    semaphore = asyncio.Semaphore(20)

    async def check(key: str, assessment_id: str, answers: dict) -> None:
        async with semaphore:
            reply = await request(port, "GET", f"/api/v1/assessments/{assessment_id}")
        if reply.status != 200:
            problems.append(f"{assessment_id}: {reply.status}")
        elif reply.json()["answers"]["teams"] != answers["teams"]:
            problems.append(f"{assessment_id}: other answers")

    await asyncio.gather(*(check(k, i, a) for k, (i, a) in outcome.created.items()))
    return problems


def rows(database_url: str) -> int:
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
        return connection.execute("SELECT count(*) FROM decider_assessment").fetchone()[0]


def assert_nothing_lost_or_duplicated(server, database_url: str, outcome: Outcome) -> None:
    assert not outcome.errors, outcome.errors[:10]
    assert len(outcome.created) > 200, "the load was too light to mean anything"
    assert asyncio.run(check_all_retrievable(server.port, outcome)) == []
    ids = [assessment_id for assessment_id, _ in outcome.created.values()]
    assert len(set(ids)) == len(ids)
    assert rows(database_url) == len(ids), "a row without a client, or a client without a row"
    print(
        f"\n  {len(ids)} assessments by {CLIENTS} clients in {SECONDS:.0f} s, "
        f"{outcome.retries} retries ({outcome.replays} answered by a replay), "
        f"{outcome.cache_reads} diagram reads, 0 errors, "
        f"all {len(ids)} retrieved with their answers, {len(ids)} rows"
    )


def serve(database_url: str, **env: str) -> Gunicorn:
    return Gunicorn({"DATABASE_URL": database_url, "DECIDER_ACCESS_LOG": "0", **env},
                    workers=4)  # fmt: skip


def test_50_clients_for_30_seconds_lose_nothing(database_url):
    with started(serve(database_url)) as server:
        outcome = asyncio.run(load(server.port))
        assert_nothing_lost_or_duplicated(server, database_url, outcome)


def test_redis_killed_and_restarted_under_load_fails_no_request(database_url):
    with started(Redis()) as redis, started(serve(database_url, REDIS_URL=redis.url)) as server:

        async def kill_and_restart(outcome: Outcome) -> None:
            await asyncio.sleep(SECONDS / 3)
            redis.kill()
            outcome.cache_down = True
            await asyncio.sleep(SECONDS / 3)
            outcome.cache_down = False
            redis.start()

        outcome = asyncio.run(load(server.port, during=kill_and_restart))
        assert outcome.cache_reads > 20
        assert outcome.reads_while_down > 5, "no diagram was read while Redis was down"
        # A 5xx would have been retried and hidden: with Redis down, none may happen.
        assert outcome.retries == 0, f"{outcome.retries} requests failed and were retried"
        assert_nothing_lost_or_duplicated(server, database_url, outcome)


def test_workers_killed_under_load_lose_and_duplicate_nothing(database_url):
    with started(serve(database_url)) as server:
        killed = []

        async def kill_workers(outcome: Outcome) -> None:
            for _ in range(KILLS):
                await asyncio.sleep(SECONDS / (KILLS + 1))
                if pids := server.worker_pids():
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(pids[0])

        outcome = asyncio.run(load(server.port, during=kill_workers))
        cut = outcome.retries  # before the deliberate disconnects, which retry anyway
        asyncio.run(disconnect_then_retry(server.port, outcome))
        assert outcome.replays >= 20
        assert len(killed) == KILLS
        assert cut > 0, "no request was cut by a kill; the test proved nothing"
        assert_nothing_lost_or_duplicated(server, database_url, outcome)
