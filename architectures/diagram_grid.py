"""Long layers of a diagram wrapped into several columns.

Left to right, every layer (clients, gateways, services, brokers, datastores) is one
column, so sixty services make a column thousands of points tall. On a screen that reads
well (it fits the width and scrolls down), but not on a slide. For a slide, each long
layer is split into columns of at most `rows` nodes, with `rows` chosen so that the
drawing, fitted onto a 16:9 slide, is as large as it can be.
"""

import math
from collections.abc import Sequence

# A node with its gap to the next column (ranksep 1 inch); the height a row takes in one
# column per layer, and once wrapped (the edges that cross between columns take room), in
# points. Measured on the proposals of bench/diagram.py: 12, 30 and 60 services.
COLUMN_WIDTH = 150 + 72
ROW_HEIGHT = 62
WRAPPED_ROW_HEIGHT = 135
SLIDE = 16 / 9


def rows_for(layers: Sequence[int], aspect: float) -> int:
    """How many nodes a column may hold so that layers of these sizes, fitted into a frame
    of `aspect` (width / height), are drawn largest. Wrapping costs room for the edges
    between columns, so a layer wraps only when that still pays."""
    tallest = max(layers, default=1)
    best, best_extent = tallest, math.inf
    for rows in range(1, tallest + 1):
        columns = sum(math.ceil(size / rows) for size in layers if size)
        height = rows * (ROW_HEIGHT if rows == tallest else WRAPPED_ROW_HEIGHT)
        extent = max(columns * COLUMN_WIDTH / aspect, height)  # what the frame must hold
        if extent < best_extent:
            best, best_extent = rows, extent
    return best


def columns(members: Sequence[str], rows: int) -> list[list[str]]:
    """`members` cut into columns of at most `rows`, balanced: 60 in rows of 25 make
    three columns of 20, not 25, 25 and 10."""
    count = math.ceil(len(members) / rows) if members else 0
    if count <= 1:
        return [list(members)] if members else []
    size = math.ceil(len(members) / count)
    return [list(members[i : i + size]) for i in range(0, len(members), size)]
