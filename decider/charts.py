"""Server-rendered charts (no JavaScript, no external assets, no inline styles).

The factor chart is an HTML list: each factor's name and value are text, which stays
readable at any width, and only its bar is a small SVG that stretches with the page. On a
phone the name goes above its bar instead of beside it.
"""

from collections.abc import Sequence
from html import escape
from typing import Any

from decider.engine.rounding import signed

# Bars are drawn in a 200 × 10 box whose middle is zero.
BAR_BOX = 200
CENTRE = BAR_BOX / 2
SMALLEST_BAR = 0.6


def weighing(factors: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The factors as charts and tables show them: the largest first, those that weigh
    nothing (at the precision shown) left out."""
    shown = (f for f in factors if round(f["contribution"], 3))
    return sorted(shown, key=lambda f: -abs(f["contribution"]))


def factor_chart(
    factors: Sequence[dict[str, Any]],
    caption: str = "Contribution of each factor to the score, largest first",
) -> str:
    """Horizontal bars of contributions: towards microservices right, monolith left."""
    factors = weighing(factors)
    scale = max([abs(f["contribution"]) for f in factors] + [0.01])
    rows = "".join(_row(factor, scale) for factor in factors)
    return (
        '<figure class="factor-chart">'
        f'<figcaption class="visually-hidden">{escape(caption)}</figcaption>'
        '<p class="axis" aria-hidden="true"><span>&#8592; monolith</span>'
        "<span>microservices &#8594;</span></p>"
        f'<ol class="bars">{rows}</ol></figure>'
    )


def _row(factor: dict[str, Any], scale: float) -> str:
    value = factor["contribution"]
    length = max(abs(value) / scale * (CENTRE - 2), SMALLEST_BAR)
    x = CENTRE if value >= 0 else CENTRE - length
    kind = "toward" if value > 0 else "against" if value < 0 else "neutral"
    label = escape(factor.get("label") or factor["factor"].replace("_", " ").capitalize())
    direction = "towards microservices" if value > 0 else "towards one deployable"
    return (
        f'<li class="bar {kind}" title="{escape(factor["explanation"])}">'
        f'<span class="label">{label}</span>'
        f'<svg class="track" viewBox="0 0 {BAR_BOX} 10" preserveAspectRatio="none" '
        f'aria-hidden="true"><line class="zero" x1="{CENTRE:g}" y1="0" x2="{CENTRE:g}" y2="10"/>'
        f'<rect x="{x:.1f}" y="1" width="{length:.1f}" height="8" rx="1"/></svg>'
        f'<span class="value">{signed(value)}<span class="visually-hidden"> {direction}'
        "</span></span></li>"
    )
