import logging
import subprocess
import xml.etree.ElementTree as ET

import pytest

from architectures import render as render_module
from architectures.diagram import to_dot
from architectures.model import Architecture, Component, Kind, Link
from architectures.render import PNG_DPI, DotMissing, RenderFailed, RenderTimeout, render

HOSTILE = (
    'a" image="/etc/hostname',
    '<<img src="/etc/passwd"/>>',
    "<b>bold</b> & co",
    "URL=javascript:alert(1)",
    "x] [image=/etc/hostname",
    "back\\slash \\N",
)
SVG = "{http://www.w3.org/2000/svg}"


def hostile() -> Architecture:
    components = [Component(name, Kind.SERVICE) for name in HOSTILE]
    components.append(Component("store", Kind.DATASTORE, owner=HOSTILE[0]))
    return Architecture(tuple(components), (Link(HOSTILE[0], "store"),))


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_it_renders_png_with_the_png_magic():
    assert render(to_dot(hostile()), "png").startswith(b"\x89PNG\r\n\x1a\n")


def test_it_renders_pdf():
    assert render(to_dot(hostile()), "pdf").startswith(b"%PDF-")


def test_it_renders_svg_that_parses_and_shows_every_name_literally():
    texts = svg_texts(render(to_dot(hostile(), title="<i>t</i>"), "svg"))
    for name in (*HOSTILE, "store", "<i>t</i>"):
        assert name in texts


def test_its_svg_is_self_contained():
    svg = render(to_dot(hostile()), "svg")
    assert b"<image" not in svg and b"<!DOCTYPE" not in svg and b"<!--" not in svg
    assert b"@font-face" not in svg and b'href="http' not in svg


def test_hostile_names_embed_nothing_in_png_or_pdf():
    dot = to_dot(hostile())
    assert len(render(dot, "png")) < 150_000
    assert len(render(dot, "pdf")) < 150_000


def test_dot_refuses_to_read_files_even_if_an_image_slipped_through(caplog):
    crafted = 'digraph { a [image="/usr/share/pixmaps/debian-logo.png" label=""] }'
    with caplog.at_level(logging.WARNING):
        svg = render(crafted, "svg")
    assert b"<image" not in svg


def test_it_raises_render_failed_without_showing_stderr(caplog):
    with caplog.at_level(logging.WARNING), pytest.raises(RenderFailed) as error:
        render("digraph { a -> }", "svg")
    assert "syntax" not in str(error.value).lower()
    assert "syntax error" in caplog.text


def test_it_times_out(monkeypatch):
    def slow(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], kwargs["timeout"])

    monkeypatch.setattr(render_module.subprocess, "run", slow)
    with pytest.raises(RenderTimeout):
        render("digraph { a }", "png")


def test_a_real_slow_render_is_cut_off(monkeypatch):
    monkeypatch.setattr(render_module, "TIMEOUT_SECONDS", 0.01)
    edges = " ".join(f"a{i} -> a{(i * 7) % 500};" for i in range(2000))
    with pytest.raises(RenderTimeout):
        render(f"digraph {{ {edges} }}", "png")


def test_it_says_when_dot_is_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DotMissing) as error:
        render("digraph { a }", "svg")
    assert "not installed" in str(error.value)


def test_it_runs_dot_with_a_restricted_environment(monkeypatch):
    seen = {}
    real_run = subprocess.run

    def spy(*args, **kwargs):
        seen.update(kwargs["env"])
        return real_run(*args, **kwargs)

    monkeypatch.setenv("SECRET_TOKEN", "x")
    monkeypatch.setattr(render_module.subprocess, "run", spy)
    render("digraph { a }", "svg")
    assert set(seen) == {"PATH", "SERVER_NAME", "GV_FILE_PATH"}
    assert seen["GV_FILE_PATH"] == "" and seen["SERVER_NAME"]


def test_it_refuses_unknown_formats():
    with pytest.raises(ValueError):
        render("digraph { a }", "ps")


def test_png_is_drawn_at_twice_the_screen_density():
    dot = "digraph { graph [pad=0]; a [shape=box width=2 height=1 fixedsize=true] }"
    png = render(dot, "png")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    # 2 × 1 inches at 192 dpi (Graphviz adds a pixel or two of margin).
    assert abs(width - 2 * PNG_DPI) <= 4 and abs(height - PNG_DPI) <= 4
