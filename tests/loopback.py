"""A small, bounded asyncio HTTP/1.1 client for loopback load: one connection per request
(gunicorn's sync workers close each one), every wait capped, nothing retried unasked.

Used by the load tests and `bench/api.py`; it sends traffic to 127.0.0.1 only.
"""

import asyncio
import json
import random
import statistics
import time
from dataclasses import dataclass, field
from typing import Any

from decider.engine import choices as c

# The core questions, each answered with any value the engine accepts.
ANSWER_CHOICES = {
    name: [str(value) for value in enum]
    for name, enum in {
        "deploy_contention": c.Contention,
        "scaling": c.Scaling,
        "tech_diversity": c.TechDiversity,
        "existing_system": c.ExistingSystem,
        "distributed_experience": c.Experience,
        "consistency": c.Consistency,
        "domain_clarity": c.DomainClarity,
    }.items()
}
OPS = [str(op) for op in c.Op]


def varied_answers(rng: random.Random) -> dict[str, Any]:
    """A random but valid set of answers, so no two requests need be alike."""
    answers: dict[str, Any] = {k: rng.choice(v) for k, v in ANSWER_CHOICES.items()}
    answers |= {"teams": rng.randint(1, 60), "monolith_pain": rng.randint(0, 5)}
    answers["ops"] = rng.sample(OPS, rng.randint(0, len(OPS)))
    if rng.random() < 0.5:
        names = [f"domain {n}" for n in range(rng.randint(2, 8))]
        answers["domains"] = [
            {"name": n, "depends_on": [names[i - 1]] if i else []} for i, n in enumerate(names)
        ]
    return answers


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


async def request(
    port: int,
    method: str,
    path: str,
    *,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> Reply:
    """One request to 127.0.0.1:`port`; raises OSError or TimeoutError on a broken one."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    try:
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if body or method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    return _parse(raw)


def _parse(raw: bytes) -> Reply:
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        raise ConnectionResetError("the server closed the connection without an answer")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", len(body)))
    if len(body) < length:
        raise ConnectionResetError("the answer was cut short")
    return Reply(int(status_line.split()[1]), headers, body[:length])


@dataclass
class Timings:
    seconds: list[float] = field(default_factory=list)
    errors: int = 0
    elapsed: float = 0.0

    @property
    def per_second(self) -> float:
        return len(self.seconds) / self.elapsed if self.elapsed else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else 0.0


async def drive(make_request, *, clients: int, seconds: float, max_requests: int) -> Timings:
    """`clients` concurrent loops calling `make_request(n)` (a coroutine returning a Reply
    whose status must be below 400) until `seconds` pass or `max_requests` are sent."""
    timings = Timings()
    deadline = time.monotonic() + seconds
    sent = 0

    async def loop() -> None:
        nonlocal sent
        while time.monotonic() < deadline and sent < max_requests:
            sent += 1
            start = time.perf_counter()
            try:
                reply = await make_request(sent)
                ok = reply.status < 400
            except (OSError, TimeoutError):
                ok = False
            if ok:
                timings.seconds.append(time.perf_counter() - start)
            else:
                timings.errors += 1

    started = time.monotonic()
    await asyncio.gather(*(loop() for _ in range(clients)))
    timings.elapsed = time.monotonic() - started
    return timings
