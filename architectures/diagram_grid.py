"""Long layers of a diagram wrapped into several columns.

Left to right, every layer (clients, gateways, services, brokers, datastores) is one
column, so sixty services make a column thousands of points tall. On a screen that reads
well (it fits the width and scrolls down), but not on a slide. For a slide, each long
layer is split into columns of at most `rows` nodes, with `rows` chosen so that the whole
drawing comes closest to 16:9.
"""

import math
from collections.abc import Sequence

# A node with its gap to the next column (ranksep 1 inch), and the height a row takes
# once wrapped (a node, its gap, and the edges that pass between columns), in points.
# Measured on the 60-service proposal of bench/diagram.py: the best of the choices
# rendered (by the drawing's size fitted to 16:9) had 12 rows, which these give.
COLUMN_WIDTH = 150 + 72
ROW_HEIGHT = 135
SLIDE = 16 / 9


def rows_for(layers: Sequence[int], aspect: float) -> int:
    """How many nodes a column may hold so that layers of these sizes, wrapped, come
    closest to `aspect`. Never wraps layers that already fit."""
    tallest = max(layers, default=1)
    best, best_error = tallest, math.inf
    for rows in range(1, tallest + 1):
        columns = sum(math.ceil(size / rows) for size in layers if size)
        drawn = (columns * COLUMN_WIDTH) / (rows * ROW_HEIGHT)
        error = abs(math.log(drawn / aspect))
        if error < best_error:
            best, best_error = rows, error
    return best


def columns(members: Sequence[str], rows: int) -> list[list[str]]:
    """`members` cut into columns of at most `rows`, balanced: 60 in rows of 25 make
    three columns of 20, not 25, 25 and 10."""
    count = math.ceil(len(members) / rows) if members else 0
    if count <= 1:
        return [list(members)] if members else []
    size = math.ceil(len(members) / count)
    return [list(members[i : i + size]) for i in range(0, len(members), size)]
