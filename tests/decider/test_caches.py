"""The caches never fail a request and never grow without bound: Redis killed or silent
costs milliseconds, and the file cache stays under its size on disk."""

import logging
import os
import time

import pytest
from django.test import override_settings

from architectures.model import parse_architecture
from decider import diagrams
from decider.caches import BoundedFileCache, ResilientRedisCache
from tests.spare_services import FreezableProxy, Redis, started

MiB = 1024 * 1024


def redis_cache(url: str, cooldown: float = 0.3) -> ResilientRedisCache:
    return ResilientRedisCache(url, {"OPTIONS": {"COOLDOWN": cooldown}, "KEY_PREFIX": "t"})


def timed(call):
    start = time.perf_counter()
    value = call()
    return value, time.perf_counter() - start


def test_redis_killed_mid_run_is_a_miss_then_comes_back(caplog):
    with started(Redis()) as redis:
        cache = redis_cache(redis.url)
        cache.set("k", b"v")
        assert cache.get("k") == b"v"
        redis.kill()
        with caplog.at_level(logging.WARNING, logger="decider.caches"):
            value, seconds = timed(lambda: cache.get("k", "missed"))
            cache.set("k2", b"ignored")  # a write error is ignored
        assert value == "missed" and seconds < 0.3
        assert "Cache unavailable" in caplog.text
        _, seconds = timed(lambda: [cache.get("k") for _ in range(100)])
        assert seconds < 0.05  # the cooldown: no connection attempt per call
        redis.start()
        time.sleep(0.35)
        cache.set("k3", b"back")
        assert cache.get("k3") == b"back"


def test_a_silent_redis_costs_one_short_timeout_then_nothing():
    with started(Redis()) as redis, started(FreezableProxy(redis.port)) as proxy:
        cache = redis_cache(f"redis://127.0.0.1:{proxy.port}/0", cooldown=5)
        cache.set("k", b"v")
        proxy.frozen.set()
        value, first = timed(lambda: cache.get("k", "missed"))
        assert value == "missed" and first < 1.0
        _, rest = timed(lambda: [cache.get("k") for _ in range(100)])
        assert rest < 0.05


def test_the_health_check_still_sees_redis_down():
    with started(Redis()) as redis:
        cache = redis_cache(redis.url)
        cache.ping()
        redis.kill()
        with pytest.raises(Exception):  # noqa: B017 (any redis-py error is "down")
            cache.ping()


@pytest.mark.django_db
def test_diagrams_and_pages_work_with_redis_down(client, answers):
    with started(Redis()) as redis:
        url = redis.url
        redis.kill()
    caches = {"default": {"BACKEND": "decider.caches.ResilientRedisCache", "LOCATION": url}}
    with override_settings(CACHES=caches):
        created = client.post("/api/v1/recommendations", answers, content_type="application/json")
        assert created.status_code == 201
        assessment = created.json()
        assert client.get(assessment["url"]).status_code == 200
        svg = client.get(assessment["diagram"]["svg"])
        assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"


def file_cache(tmp_path, max_bytes: int) -> BoundedFileCache:
    return BoundedFileCache(str(tmp_path), {"OPTIONS": {"MAX_BYTES": max_bytes}})


def test_the_file_cache_stays_under_its_size_on_disk(tmp_path):
    cache = file_cache(tmp_path, 8 * MiB)
    for n in range(50):
        cache.set(f"big-{n}", os.urandom(MiB // 2))
    assert cache.size_on_disk() <= 8 * MiB
    assert cache.get("big-49") is not None  # the newest are kept
    assert cache.get("big-0") is None


def test_the_file_cache_skips_entries_too_large_to_be_worth_it(tmp_path):
    cache = file_cache(tmp_path, 8 * MiB)
    cache.set("huge", os.urandom(2 * MiB))  # more than an eighth of the limit (compressed)
    assert cache.get("huge") is None
    cache.set("fine", b"x" * 1000)
    assert cache.get("fine") == b"x" * 1000


def test_a_torn_cache_file_is_a_miss(tmp_path):
    cache = file_cache(tmp_path, 8 * MiB)
    cache.set("k", b"value")
    path = cache._key_to_file("k")
    with open(path, "wb") as f:
        f.write(b"\x80garbage")
    assert cache.get("k", "missed") == "missed"


def resident_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / MiB


def large_architecture(seed: int):
    services = [{"name": f"svc {seed}-{i}", "kind": "service"} for i in range(60)]
    links = [
        {"source": f"svc {seed}-{i}", "target": f"svc {seed}-{(i * 7 + 3) % 60}"}
        for i in range(60)
        if (i * 7 + 3) % 60 != i
    ]
    return parse_architecture({"components": services, "links": links})


def test_memory_stays_bounded_after_50_large_diagrams(tmp_path):
    caches = {
        "default": {
            "BACKEND": "decider.caches.BoundedFileCache",
            "LOCATION": str(tmp_path),
            "OPTIONS": {"MAX_BYTES": 8 * MiB},
        }
    }
    with override_settings(CACHES=caches):
        from django.core.cache import cache

        for seed in range(5):
            diagrams.export(large_architecture(seed), "png")
        before = resident_mib()
        sizes = [len(diagrams.export(large_architecture(seed), "png")) for seed in range(5, 55)]
        grown = resident_mib() - before
        assert min(sizes) > 100_000  # these are large pictures
        assert sum(sizes) > 8 * MiB  # more than the cache may keep...
        assert cache.size_on_disk() <= 8 * MiB  # ...so it kept only what fits
        print(
            f"\n  RSS grew {grown:.1f} MiB over 50 PNGs of {sum(sizes) / MiB:.1f} MiB; cache {cache.size_on_disk() / MiB:.1f} MiB"
        )
        assert grown < 40, f"resident memory grew {grown:.0f} MiB"
