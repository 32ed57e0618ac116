import pytest
from django.http import QueryDict

from decider.formrows import edit_rows, is_row_action, posted_rows, removed_row

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


def test_the_row_count_is_no_more_than_the_rows_posted_nor_the_limit():
    assert posted_rows(posted(**{"d-TOTAL_FORMS": "3001"}), "d", 3000)["d-TOTAL_FORMS"] == "3"
    bare = QueryDict("d-TOTAL_FORMS=3001&d-INITIAL_FORMS=0")
    assert posted_rows(bare, "d", 3000)["d-TOTAL_FORMS"] == "0"
    assert posted_rows(posted(**{"d-TOTAL_FORMS": "2"}), "d", 10)["d-TOTAL_FORMS"] == "2"
    assert posted_rows(posted(), "d", 2)["d-TOTAL_FORMS"] == "2"
    assert "d-TOTAL_FORMS" not in posted_rows(QueryDict("d-0-name=a"), "d", 10)


@pytest.mark.parametrize("index", ["²", "٣", "9" * 5000, "-1", "", "x"])
def test_an_action_naming_no_row_removes_nothing(index):
    assert removed_row(f"remove-d-{index}", "d") not in range(3)
    assert edit_rows(posted(), "d", FIELDS, f"remove-d-{index}", 10)["d-TOTAL_FORMS"] == "3"
