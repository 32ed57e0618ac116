import json
import uuid
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from architectures.model import Architecture, Component, Kind, Link
from architectures.render import DotMissing, RenderFailed, RenderTimeout
from decider import diagrams
from decider.diagrams import download_response, export, inline_svg
from decider.dot_slots import RenderBusy
from decider.exports import BY_NAME, EXPORTS, Drawing
from decider.models import Review

MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-", "svg": b"<?xml"}


@pytest.fixture(autouse=True)
def local_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def shop() -> Architecture:
    return Architecture(
        (
            Component("web", Kind.CLIENT),
            Component("orders <&>", Kind.SERVICE, team="shop"),
            Component("orders db", Kind.DATASTORE, owner="orders <&>"),
        ),
        (Link("web", "orders <&>"), Link("orders <&>", "orders db")),
    )


SAVED = Review(id=uuid.UUID(int=0x42), title="Shop 42/../x")
DIAGRAMS = [e for e in EXPORTS if e.available_for("review")]


def get(name: str, **headers):
    request = RequestFactory().get(f"/x/{name}", headers=headers)
    drawing = Drawing("Shop", architecture=shop())
    return download_response(request, SAVED, drawing, BY_NAME[name])


@pytest.fixture
def no_dot(monkeypatch):
    def fail(dot_source, fmt):
        raise AssertionError("dot must not run")

    monkeypatch.setattr(diagrams, "render", fail)


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_it_exports_rendered_formats(fmt):
    assert export(shop(), fmt).startswith(MAGIC[fmt])


def test_its_svg_parses_and_names_every_component():
    root = ET.fromstring(export(shop(), "svg"))
    texts = {"".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"web", "orders <&>", "orders db"} <= texts


@pytest.mark.parametrize(
    ("fmt", "start"), [("dot", "digraph"), ("mmd", "flowchart LR"), ("puml", "@startuml")]
)
def test_it_exports_text_formats_without_running_dot(fmt, start, no_dot):
    assert export(shop(), fmt).decode().startswith(start)


def test_a_cache_hit_does_not_run_dot(monkeypatch):
    first = export(shop(), "png")
    monkeypatch.setattr(diagrams, "render", lambda *a: pytest.fail("dot ran on a cache hit"))
    assert export(shop(), "png") == first


def test_the_cache_key_depends_on_format_and_marks(monkeypatch):
    calls = []
    monkeypatch.setattr(diagrams, "render", lambda dot, fmt: calls.append(fmt) or b"x")
    export(shop(), "svg")
    export(shop(), "png")
    export(shop(), "svg", marks={"web": [1]})
    export(shop(), "svg")
    assert calls == ["svg", "png", "svg"]


@pytest.mark.parametrize("export", DIAGRAMS, ids=lambda e: e.name)
def test_it_responds_with_the_right_headers(export):
    response = get(export.name)
    assert response.status_code == 200
    assert response["Content-Type"] == export.content_type
    expected = f'attachment; filename="decider-review-00000000-shop-42-x.{export.extension}"'
    assert response["Content-Disposition"] == expected
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["ETag"].startswith('"') and len(response["ETag"]) == 42


def test_it_answers_304_for_a_matching_etag_without_rendering(monkeypatch):
    etag = get("png")["ETag"]
    cache.clear()
    monkeypatch.setattr(diagrams, "render", lambda *a: pytest.fail("dot ran for a 304"))
    response = get("png", if_none_match=f'"other", W/{etag}')
    assert response.status_code == 304
    assert response["ETag"] == etag and not response.content


def test_it_renders_again_for_a_stale_etag():
    assert get("mmd", if_none_match='"stale"').status_code == 200


def test_a_render_failure_is_a_friendly_503(monkeypatch, caplog):
    def slow(dot, fmt):
        raise RenderTimeout("Drawing the diagram took too long.")

    monkeypatch.setattr(diagrams, "render", slow)
    response = get("svg")
    assert response.status_code == 503
    assert "too long" in json.loads(response.content)["detail"]
    assert "RenderTimeout" in caplog.text


def test_a_missing_dot_says_so_plainly(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    response = get("pdf")
    assert response.status_code == 503
    assert "Graphviz's dot program is not installed" in json.loads(response.content)["detail"]


def test_inline_svg_has_no_xml_prologue():
    svg = inline_svg(shop(), marks={"web": [1]})
    assert svg.startswith("<svg") and "⚠ 1" in svg


def test_inline_svg_is_none_when_rendering_fails(monkeypatch):
    def missing(dot, fmt):
        raise DotMissing("not installed")

    monkeypatch.setattr(diagrams, "render", missing)
    assert inline_svg(shop()) is None


def test_a_failed_render_is_remembered_so_it_is_not_tried_again_at_once(monkeypatch):
    calls = []

    def failing(dot, fmt):
        calls.append(fmt)
        raise RenderFailed("The diagram could not be drawn.")

    monkeypatch.setattr(diagrams, "render", failing)
    assert get("png").status_code == 503
    again = get("png")
    assert again.status_code == 503
    assert "not tried again yet" in json.loads(again.content)["detail"]
    assert calls == ["png"]


def test_a_missing_dot_is_not_remembered_as_the_diagrams_fault(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert get("svg").status_code == 503
    monkeypatch.undo()
    assert get("svg").status_code == 200


def test_a_png_too_large_is_refused_naming_the_formats_that_work(settings):
    settings.RENDER_LIMIT_BYTES = {**settings.RENDER_LIMIT_BYTES, "png": 100}
    response = get("png")
    assert response.status_code == 422
    [problem] = json.loads(response.content)["detail"]
    assert problem["loc"] == ["path", "fmt"]
    assert "too large to draw as PNG" in problem["msg"] and "SVG or PDF" in problem["msg"]
    assert get("svg").status_code == 200


def test_a_busy_machine_answers_503_instead_of_queueing_dot_processes(monkeypatch, settings):
    def busy(wait):
        raise RenderBusy("The server is drawing other diagrams right now; try again soon.")

    monkeypatch.setattr(diagrams, "dot_slot", busy)
    response = get("svg")
    assert response.status_code == 503 and response["Retry-After"]
    monkeypatch.undo()
    assert get("svg").status_code == 200  # busy is not the diagram's fault
