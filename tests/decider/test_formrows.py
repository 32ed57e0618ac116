import pytest
from django import forms
from django.http import QueryDict

from decider.formrows import edit_rows, is_row_action, removed_row, row_formset, rows_held

FIELDS = ("name", "load")


def posted(**extra: str) -> QueryDict:
    data = QueryDict(mutable=True)
    data.update(
        {
            "d-TOTAL_FORMS": "3",
            "d-0-name": "a",
            "d-1-name": "b",
            "d-2-name": "c",
            "d-1-load": "high",
        }
    )
    data.update(extra)
    return data


def test_adding_a_row_raises_the_count_up_to_the_limit():
    assert edit_rows(posted(), "d", FIELDS, "add-d", limit=10)["d-TOTAL_FORMS"] == "4"
    assert edit_rows(posted(), "d", FIELDS, "add-d", limit=3)["d-TOTAL_FORMS"] == "3"


def test_removing_a_row_shifts_the_later_rows_up():
    data = edit_rows(posted(), "d", FIELDS, "remove-d-0", limit=10)
    assert data["d-TOTAL_FORMS"] == "2"
    assert (data["d-0-name"], data["d-0-load"], data["d-1-name"]) == ("b", "high", "c")
    assert "d-2-name" not in data


def test_a_hostile_count_or_index_changes_nothing_it_should_not():
    data = edit_rows(posted(**{"d-TOTAL_FORMS": "999999999"}), "d", FIELDS, "remove-d-x", 10)
    assert data["d-TOTAL_FORMS"] == "3"  # the rows posted, not the count claimed
    assert (data["d-0-name"], data["d-2-name"]) == ("a", "c")
    data = edit_rows(posted(**{"d-TOTAL_FORMS": "-5"}), "d", FIELDS, "add-d", 10)
    assert data["d-TOTAL_FORMS"] == "1"


def test_it_recognises_row_actions():
    assert is_row_action("add-domains", "domains")
    assert is_row_action("remove-links-3", "components", "links")
    assert not is_row_action("submit", "domains")


class Row(forms.Form):
    name = forms.CharField(required=False)


def rows_made(data: QueryDict, limit: int) -> int:
    formset = row_formset(Row, limit)(data, prefix="d")
    return len(formset.forms)


def test_the_row_count_is_no_more_than_the_rows_posted_nor_the_limit():
    started = {"d-INITIAL_FORMS": "0"}
    assert rows_made(posted(**{"d-TOTAL_FORMS": "3001"}, **started), 3000) == 3
    bare = QueryDict("d-TOTAL_FORMS=3001&d-INITIAL_FORMS=0")
    assert rows_made(bare, 3000) == 0 and rows_held(bare, "d") == 0
    assert rows_made(posted(**{"d-TOTAL_FORMS": "2"}, **started), 10) == 2
    assert rows_made(posted(**started), 2) == 2
    assert not row_formset(Row, 10)(QueryDict("d-0-name=a"), prefix="d").is_valid()
    assert edit_rows(bare, "d", FIELDS, "remove-d-0", 10)["d-TOTAL_FORMS"] == "0"


@pytest.mark.parametrize("index", ["²", "٣", "9" * 5000, "-1", "", "x"])
def test_an_action_naming_no_row_removes_nothing(index):
    assert removed_row(f"remove-d-{index}", "d") not in range(3)
    assert edit_rows(posted(), "d", FIELDS, f"remove-d-{index}", 10)["d-TOTAL_FORMS"] == "3"
