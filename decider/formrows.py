"""Adding and removing formset rows on the server, so editors work without JavaScript."""

import re
from collections.abc import Sequence

from django.http import QueryDict


def edit_rows(
    post: QueryDict, prefix: str, fields: Sequence[str], action: str, limit: int
) -> QueryDict:
    """Apply `add-<prefix>` or `remove-<prefix>-N` to the posted rows, keeping all else typed."""
    data = posted_rows(post, prefix, limit)
    total = _int(data.get(f"{prefix}-TOTAL_FORMS"))
    if action == f"add-{prefix}":
        data[f"{prefix}-TOTAL_FORMS"] = str(min(total + 1, limit))
        return data
    drop = removed_row(action, prefix)
    rows = [
        {f: data.getlist(f"{prefix}-{i}-{f}") for f in fields} for i in range(total) if i != drop
    ]
    for i in range(total):
        for f in fields:
            data.pop(f"{prefix}-{i}-{f}", None)
    for i, row in enumerate(rows):
        for f, values in row.items():
            if values:
                data.setlist(f"{prefix}-{i}-{f}", values)
    data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
    return data


def posted_rows(post: QueryDict, prefix: str, limit: int) -> QueryDict:
    """`post` with its row count no larger than the rows it holds, nor than `limit`.
    A browser posts every field of every row, blank ones too; a bare count of 3,000 is
    not 3,000 rows to render (a 100-byte request once cost ten seconds of a worker)."""
    data = post.copy()
    count = f"{prefix}-TOTAL_FORMS"
    if count not in data:
        return data  # the formset says what is missing
    row = re.compile(rf"{re.escape(prefix)}-(\d{{1,6}})-")
    indexes = [int(m.group(1)) for key in data if (m := row.match(key))]
    held = max(indexes, default=-1) + 1
    data[count] = str(min(_int(data[count]), limit, held))
    return data


def removed_row(action: str, prefix: str) -> int:
    """The N of `remove-<prefix>-N`, or -1 when the action holds no number."""
    return _int(action.removeprefix(f"remove-{prefix}-"), default=-1)


def is_row_action(action: str, *prefixes: str) -> bool:
    return any(action == f"add-{p}" or action.startswith(f"remove-{p}-") for p in prefixes)


def _int(raw: str | None, default: int = 0) -> int:
    """A count or index as posted; `default` when it is none. "²" passes isdigit() but
    not int(), and int() refuses 5,000 digits: a number that long is beyond any limit."""
    if not raw or not (raw.isascii() and raw.isdigit()):
        return default
    return int(raw) if len(raw) <= 18 else 10**18
