"""Server-rendered SVG charts (no JavaScript, no external assets)."""

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from typing import Any

ROW = 26
LABEL_WIDTH = 190
BAR_AREA = 420
VALUE_WIDTH = 60


def weighing(factors: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The factors as charts and tables show them: the largest first, those that weigh
    nothing (at the precision shown) left out."""
    shown = (f for f in factors if round(f["contribution"], 3))
    return sorted(shown, key=lambda f: -abs(f["contribution"]))


def factor_chart(factors: Sequence[dict[str, Any]]) -> str:
    """A horizontal bar chart of contributions: towards microservices right, monolith left."""
    factors = weighing(factors)
    scale = max([abs(f["contribution"]) for f in factors] + [0.01])
    centre = LABEL_WIDTH + BAR_AREA / 2
    height = ROW * len(factors) + 40
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="factor-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" '
        f'aria-label="Contribution of each factor to the score">',
        f'<text x="{LABEL_WIDTH + 4}" y="14" class="axis">&#8592; monolith</text>',
        f'<text x="{LABEL_WIDTH + BAR_AREA - 4}" y="14" class="axis" text-anchor="end">'
        f"microservices &#8594;</text>",
        f'<line x1="{centre}" y1="20" x2="{centre}" y2="{height - 10}" class="zero"/>',
    ]
    for i, factor in enumerate(factors):
        parts.append(_bar(i, factor, scale, centre))
    parts.append("</svg>")
    return "".join(parts)


def _bar(index: int, factor: dict[str, Any], scale: float, centre: float) -> str:
    y = 24 + index * ROW
    value = factor["contribution"]
    length = abs(value) / scale * (BAR_AREA / 2 - 8)
    x = centre if value >= 0 else centre - length
    kind = "toward" if value > 0 else "against" if value < 0 else "neutral"
    label = escape(factor.get("label") or factor["factor"].replace("_", " ").capitalize())
    tip = escape(factor["explanation"])
    return (
        f'<g class="bar {kind}"><title>{tip}</title>'
        f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{label}</text>'
        f'<rect x="{x:.1f}" y="{y + 3}" width="{max(length, 1):.1f}" height="{ROW - 8}" rx="2"/>'
        f'<text x="{LABEL_WIDTH + BAR_AREA + 6}" y="{y + 15}" class="value">{_signed(value)}</text></g>'
    )


def _signed(value: float) -> str:
    # Half-up, as the page's table rounds, so chart and table agree.
    rounded = Decimal(str(value)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    return f"{rounded:+.3f}"
