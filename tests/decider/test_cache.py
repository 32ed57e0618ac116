"""The diagram cache on the real shared cache: Redis, when REDIS_URL is set (CI sets it)."""

import os

import pytest
from django.core.cache import caches

from architectures.model import parse_architecture
from decider import diagrams
from decider.caches import ResilientRedisCache

REDIS_URL = os.environ.get("REDIS_URL")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")

ARCHITECTURE = parse_architecture(
    {
        "components": [{"name": "web", "kind": "client"}, {"name": "app", "kind": "service"}],
        "links": [{"source": "web", "target": "app"}],
    }
)


def test_the_settings_use_the_resilient_redis_cache_when_redis_url_is_set():
    assert isinstance(caches["default"], ResilientRedisCache)


def test_a_render_is_shared_through_redis(monkeypatch):
    diagrams.cache.clear()
    first = diagrams.export(ARCHITECTURE, "png")
    monkeypatch.setattr(diagrams, "render", lambda *a: pytest.fail("dot ran on a cache hit"))
    diagrams.clear_memo()
    assert diagrams.export(ARCHITECTURE, "png") == first
