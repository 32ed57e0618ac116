"""Measure how a diagram reads as a picture: its size, aspect ratio and text sizes.

Prints, for a 60-service proposal (the one `bench/diagram.py` draws) and for the
116-module example monolith's decomposition, the SVG's size in points and its aspect
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
PT_TO_PX = 4 / 3
_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_FONT = re.compile(r'font-size="([\d.]+)"')


def figures(name: str, dot: str) -> str:
    svg = render(dot, "svg").decode()
    width, height = (float(v) for v in _SIZE.search(svg).groups())
    sizes = Counter(float(v) for v in _FONT.findall(svg))
    smallest, common = min(sizes), sizes.most_common(1)[0][0]
    fit = min(1.0, BOX_PX / (width * PT_TO_PX))
    png = render(dot, "png")
    png_w, png_h = struct.unpack(">II", png[16:24])
    dpi = png_w / width * 72
    return (
        f"{name}: SVG {width:.0f}×{height:.0f} pt, aspect {width / height:.2f}; text "
        f"{smallest:g} to {max(sizes):g} pt (commonest {common:g}); fitted to {BOX_PX} px: "
        f"scale {fit:.2f}, text {smallest * PT_TO_PX * fit:.1f} to {common * PT_TO_PX * fit:.1f} px; "
        f"PNG {png_w}×{png_h} px, text {smallest * dpi / 72:.0f} to {common * dpi / 72:.0f} px"
    )


def proposal_dot(**options: object) -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from diagram import architecture  # the benchmark's 60-service proposal

    return to_dot(architecture(60), **options)


def main() -> None:
    print(figures("60-service proposal", proposal_dot()))
    try:
        print(figures("60-service proposal, landscape", proposal_dot(landscape=True)))
    except TypeError:
        pass


if __name__ == "__main__":
    main()
