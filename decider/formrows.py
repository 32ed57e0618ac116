"""Adding and removing formset rows on the server, so editors work without JavaScript."""

from collections.abc import Sequence

from django.http import QueryDict


def edit_rows(
    post: QueryDict, prefix: str, fields: Sequence[str], action: str, limit: int
) -> QueryDict:
    """Apply `add-<prefix>` or `remove-<prefix>-N` to the posted rows, keeping all else typed."""
    data = post.copy()
    # The count is user input: never loop past what the formset itself accepts.
    total = min(_int(data.get(f"{prefix}-TOTAL_FORMS")), limit)
    if action == f"add-{prefix}":
        data[f"{prefix}-TOTAL_FORMS"] = str(min(total + 1, limit))
        return data
    drop = _int(action.removeprefix(f"remove-{prefix}-"), default=-1)
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


def is_row_action(action: str, *prefixes: str) -> bool:
    return any(action == f"add-{p}" or action.startswith(f"remove-{p}-") for p in prefixes)


def _int(raw: str | None, default: int = 0) -> int:
    try:
        return max(int(raw or default), default)
    except ValueError:
        return default
