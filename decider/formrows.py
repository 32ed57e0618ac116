"""Adding and removing formset rows on the server, so editors work without JavaScript."""

import re
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

from django import forms
from django.http import QueryDict


def edit_rows(
    post: QueryDict, prefix: str, fields: Sequence[str], action: str, limit: int
) -> QueryDict:
    """Apply `add-<prefix>` or `remove-<prefix>-N` to the posted rows, keeping all else typed."""
    data = post.copy()
    # The count is user input: never loop past the rows posted or what the formset accepts.
    total = min(_int(data.get(f"{prefix}-TOTAL_FORMS")), limit, rows_held(data, prefix))
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


class PostedRowsFormSet(forms.BaseFormSet):
    """A formset that makes no more rows than were posted. A browser posts every field of
    every row, blank ones too; a bare count of 3,000 is not 3,000 rows to render (a
    100-byte request once cost ten seconds of a worker)."""

    def total_form_count(self) -> int:
        total = super().total_form_count()
        return min(total, self._rows_held) if self.is_bound else total

    @cached_property
    def _rows_held(self) -> int:
        return rows_held(self.data, self.prefix)


def row_formset(form: type[forms.Form], limit: int) -> Any:
    """The formset of an editable table of `form` rows, at most `limit` of them."""
    return forms.formset_factory(form, formset=PostedRowsFormSet, extra=0, max_num=limit,
                                 validate_max=True, absolute_max=limit)  # fmt: skip


def rows_held(data: Mapping[str, Any], prefix: str) -> int:
    """How many rows `data` holds fields of: one past the highest row index posted."""
    row = re.compile(rf"{re.escape(prefix)}-(\d{{1,6}})-")
    return max((int(m.group(1)) for key in data if (m := row.match(key))), default=-1) + 1


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
