"""Measure how a diagram reads as a picture: its size, aspect ratio and text sizes.

Prints, for the 60-service proposal that `bench/diagram.py` draws, as on the page and as
for a slide (`landscape`), the SVG's size in points and its aspect
ratio, the smallest and commonest font sizes, the size that text has on screen when the
SVG is fitted into the result page's diagram box on a 1280 px laptop window, and the PNG's
pixels with its text height in pixels. Run with `.venv/bin/python docs/diagram_sizes.py`.
"""

import os
import re
import struct
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decider.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from architectures.diagram import to_dot  # noqa: E402
from architectures.render import render  # noqa: E402

# The diagram box on a 1280 px window: main's 1180 px less its padding and the panel's.
BOX_PX = 1080
SLIDE_PX = (1920, 1080)
PT_TO_PX = 4 / 3
_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_FONT = re.compile(r'font-size="([\d.]+)"')


def figures(name: str, dot: str) -> str:
    svg = render(dot, "svg").decode()
    width, height = (float(v) for v in _SIZE.search(svg).groups())
    sizes = Counter(float(v) for v in _FONT.findall(svg))
    smallest, common = min(sizes), sizes.most_common(1)[0][0]
    fit = min(1.0, BOX_PX / (width * PT_TO_PX))
    slide = min(SLIDE_PX[0] / (width * PT_TO_PX), SLIDE_PX[1] / (height * PT_TO_PX))
    png = render(dot, "png")
    png_w, png_h = struct.unpack(">II", png[16:24])
    dpi = png_w / width * 72
    return (
        f"{name}: SVG {width:.0f}×{height:.0f} pt, aspect {width / height:.2f}; text "
        f"{smallest:g} to {max(sizes):g} pt (commonest {common:g}); "
        f"on the page ({BOX_PX} px box): {_px(smallest, fit)} to {_px(max(sizes), fit)} px; "
        f"on a 1920×1080 slide: {_px(smallest, slide)} to {_px(max(sizes), slide)} px; "
        f"PNG {png_w}×{png_h} px at {dpi:.0f} dpi, text {smallest * dpi / 72:.0f} to "
        f"{max(sizes) * dpi / 72:.0f} px"
    )


def _px(points: float, scale: float) -> str:
    return f"{points * PT_TO_PX * scale:.1f}"


def proposal_dot(**options: object) -> str:
    from bench.diagram import architecture  # the benchmark's 60-service proposal

    return to_dot(architecture(60), **options)


def main() -> None:
    print(figures("60-service proposal", proposal_dot()))
    print(figures("60-service proposal, landscape", proposal_dot(landscape=True)))


if __name__ == "__main__":
    main()
