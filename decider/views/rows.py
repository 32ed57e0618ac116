"""Row editors (domains, components, links) after Add or Remove: new rows start from the
fields' initial values, and focus lands where the person was working."""

from typing import Any

from django import forms
from django.http import QueryDict

from decider.formrows import removed_row


def with_row_defaults(data: QueryDict, prefix: str, form: type[forms.Form]) -> QueryDict:
    """`data` with each row's missing choices set to the field's initial value, so an added
    row shows "normal" load rather than the first choice, and no error."""
    data = data.copy()
    total = int(data[f"{prefix}-TOTAL_FORMS"])  # set by edit_rows, within the formset's limit
    for index in range(total):
        for name, field in form.base_fields.items():
            key = f"{prefix}-{index}-{name}"
            if field.initial is not None and key not in data:
                data[key] = str(field.initial)
    return data


def focus_after(action: str, prefix: str, formset: Any, *, first_field: str) -> int | None:
    """Mark the row to focus after `action` with `autofocus` on its first field: the added
    row, or the one now in the removed row's place (the last, when it was the last).
    None when no row is left, so that the Add button takes the focus."""
    rows = formset.forms
    if not rows:
        return None
    removed = removed_row(action, prefix)
    index = (
        len(rows) - 1 if action == f"add-{prefix}" or removed < 0 else min(removed, len(rows) - 1)
    )
    rows[index].fields[first_field].widget.attrs["autofocus"] = True
    return index
