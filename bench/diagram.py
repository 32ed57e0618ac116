"""Diagram export: cold through the app vs raw `dot`, and cached vs cold.

For 5, 30 and 100 services, prints the median time of a cold SVG/PNG/PDF export through
`decider.diagrams.export` (cache cleared each run) next to `dot -T<fmt>` on the same DOT in
the same run (target: at most 1.25x), and of a cached fetch against a cold one (target:
under 0.05x). Run with `.venv/bin/python bench/diagram.py`.
"""

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decider.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.pop("REDIS_URL", None)  # the local-memory cache, as the brief asks

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402

from architectures.diagram import to_dot  # noqa: E402
from architectures.model import Architecture, Kind  # noqa: E402
from architectures.render import dot_arguments  # noqa: E402
from decider import diagrams  # noqa: E402
from decider.engine.answers import parse_answers  # noqa: E402
from decider.engine.choices import Style  # noqa: E402
from decider.proposal.architecture import propose  # noqa: E402
from decider.proposal.parts import MAX_SERVICES_PER_TEAM  # noqa: E402

SIZES = (5, 30, 100)
FORMATS = ("svg", "png", "pdf")
COLD_TARGET, CACHED_TARGET = 1.25, 0.05


def architecture(services: int) -> Architecture:
    domains = [
        {
            "name": f"domain {i}",
            "team": f"team {i // MAX_SERVICES_PER_TEAM}",
            "load": "high" if i % 7 == 3 else "normal",
            "depends_on": [f"domain {j}" for j in (i - 1, i - 4) if j >= 0 and (i + j) % 3],
            "publishes_to": [f"domain {(i * 5 + 2) % services}"] if i % 4 == 0 else [],
        }
        for i in range(services)
    ]
    for domain in domains:
        domain["publishes_to"] = [t for t in domain["publishes_to"] if t != domain["name"]]
    answers = parse_answers(
        {
            "teams": services,
            "deploy_contention": "often",
            "scaling": "divergent",
            "tech_diversity": "none",
            "monolith_pain": 3,
            "domains": domains,
        }
    )
    return propose(answers, Style.MICROSERVICES)


def median_seconds(run: Callable[[], object], repeats: int, before: Callable = lambda: None):
    times = []
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def clear_caches() -> None:
    """Truly cold: neither the rendered bytes nor the per-process DOT are remembered."""
    cache.clear()
    diagrams.clear_memo()


def raw_dot(dot: str, fmt: str) -> bytes:
    """`dot` by hand, asked for the same picture as the app asks for (PNGs at 192 dpi)."""
    command = ["dot", *dot_arguments(fmt)]
    return subprocess.run(command, input=dot.encode(), capture_output=True).stdout


def measure(services: int, fmt: str) -> tuple[float, float, float]:
    arch = architecture(services)
    assert len(arch.of_kind(Kind.SERVICE)) == services
    dot = to_dot(arch)
    repeats = 5 if services < 100 else 3
    raw_dot(dot, fmt)  # warm the page cache and fontconfig once
    cold = median_seconds(lambda: diagrams.export(arch, fmt), repeats, before=clear_caches)
    raw = median_seconds(lambda: raw_dot(dot, fmt), repeats)
    diagrams.export(arch, fmt)
    cached = median_seconds(lambda: diagrams.export(arch, fmt), repeats * 4)
    return cold, raw, cached


def main() -> int:
    header = f"{'services':>8} {'fmt':>4} {'raw dot':>9} {'cold app':>9} {'cold/raw':>9}"
    print(header + f" {'cached':>9} {'cached/cold':>12}")
    failures = 0
    for services in SIZES:
        for fmt in FORMATS:
            cold, raw, cached = measure(services, fmt)
            slow = cold / raw > COLD_TARGET or cached / cold >= CACHED_TARGET
            failures += slow
            print(
                f"{services:>8} {fmt:>4} {raw * 1000:>7.1f}ms {cold * 1000:>7.1f}ms"
                f" {cold / raw:>8.2f}x {cached * 1000:>7.2f}ms {cached / cold:>11.3f}x"
                + ("  over target" if slow else "")
            )
    print(f"targets: cold/raw <= {COLD_TARGET}x, cached/cold < {CACHED_TARGET}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
