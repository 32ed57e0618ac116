"""What the decomposition pages show besides the result itself: the examples to load
and what each metric means."""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from architectures.input_formats import Upload
from architectures.monolith_formats import MonolithInput, read_monolith_input

DIAGRAM_UNAVAILABLE = (
    "The diagram cannot be drawn right now. The DOT, Mermaid and PlantUML downloads "
    "below still work; please try again later."
)
# The diagram shrinks to fit its box, but never below this share of its natural size:
# a wider one scrolls inside its box, so its 12 to 16 pt text stays 9.6 to 12.8 px or more.
READABLE_SCALE = 0.6
_SVG_WIDTH = re.compile(r'<svg\b[^>]*?\bwidth="([0-9.]+)pt"')


def readable_width(svg: str | None) -> int | None:
    """The narrowest the inline SVG may be drawn, in CSS pixels (1 pt is 4/3 px)."""
    found = _SVG_WIDTH.search(svg or "")
    return round(float(found.group(1)) * 4 / 3 * READABLE_SCALE) if found else None


# The CSP allows no style attribute, so the minimum width is one of a few classes
# (`readable-600` ... `readable-3000` in the stylesheet), the next one up.
WIDTH_STEP, WIDTH_CLASSES = 200, range(600, 3001, 200)


def readable_class(svg: str | None) -> str:
    """The stylesheet class that keeps the inline SVG at least readable, or ""."""
    width = readable_width(svg)
    if width is None or width <= WIDTH_CLASSES[0] - WIDTH_STEP:
        return ""
    return f"readable-{next((w for w in WIDTH_CLASSES if w >= width), WIDTH_CLASSES[-1])}"


@dataclass(frozen=True)
class Example:
    slug: str
    title: str
    filename: str

    @property
    def path(self) -> Path:
        return Path(settings.BASE_DIR) / "fixtures" / "monoliths" / self.filename

    @property
    def label(self) -> str:
        """The title with the format and the module count, both read from the file."""
        found = _read_example(self)
        modules = len(found.monolith.modules)
        return (
            f"{self.title} ({found.format.upper()}, {modules} module{'s' if modules != 1 else ''})"
        )


EXAMPLES = (
    Example("shop", "A small online shop", "shop.json"),
    Example("back_office", "A back-office system", "back_office.json"),
    Example("bookshop", "A bookshop", "bookshop.csv"),
)


@cache
def _read_example(example: Example) -> MonolithInput:
    return read_monolith_input([Upload(example.filename, example.path.read_bytes())])


def example_text(slug: str) -> str | None:
    """The text of an example monolith from `fixtures/monoliths/`, or None if unknown."""
    for example in EXAMPLES:
        if example.slug == slug:
            return example.path.read_text(encoding="utf-8")
    return None


@dataclass(frozen=True)
class Metric:
    key: str
    name: str
    better: str
    definition: str
    source: str


METRICS = (
    Metric(
        "structural_modularity",
        "Structural modularity (SM)",
        "higher",
        "The average cohesion of the candidates (the share of module pairs inside a "
        "candidate that call each other) minus the average coupling between pairs of "
        "candidates (the share of module pairs across two candidates that call each other).",
        "Jin et al., IEEE TSE 2019",
    ),
    Metric(
        "inter_call_percentage",
        "Inter-call percentage (ICP)",
        "lower",
        "The share of call weight that crosses candidates, each call edge weighing "
        "ln(count) + 1: how much of today's in-process calling would become network calls.",
        "Kalia et al., Mono2Micro, FSE 2021",
    ),
    Metric(
        "interface_number",
        "Interface number (IFN)",
        "lower",
        "The average number of modules per candidate that another candidate calls: the "
        "size of the API each service would have to publish.",
        "Jin et al., IEEE TSE 2019",
    ),
    Metric(
        "non_extreme_distribution",
        "Non-extreme distribution (NED)",
        "lower",
        "The share of modules in candidates that are too small or too large (outside 5 to "
        "20 modules).",
        "Kalia et al., Mono2Micro, FSE 2021",
    ),
)
