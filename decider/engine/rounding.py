"""One rounding rule for every figure Decider shows: half up, three places.

The API, the page, the charts and the decision record all show the numbers this gives,
so a contribution never reads 0.054 in one place and 0.055 in another."""

from decimal import ROUND_HALF_UP, Decimal

PLACES = Decimal("0.001")


def rounded(value: float) -> float:
    """`value` to three places, halves away from zero (from its shortest decimal form)."""
    return float(Decimal(repr(value)).quantize(PLACES, rounding=ROUND_HALF_UP)) + 0.0


def signed(value: float) -> str:
    """E.g. "+0.055" or "-0.120": the rounded value with its sign."""
    return f"{rounded(value):+.3f}"
