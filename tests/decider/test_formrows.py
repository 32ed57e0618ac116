from django.http import QueryDict

from decider.formrows import edit_rows, is_row_action

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
    assert data["d-TOTAL_FORMS"] == "10"
    assert (data["d-0-name"], data["d-2-name"]) == ("a", "c")
    data = edit_rows(posted(**{"d-TOTAL_FORMS": "-5"}), "d", FIELDS, "add-d", 10)
    assert data["d-TOTAL_FORMS"] == "1"


def test_it_recognises_row_actions():
    assert is_row_action("add-domains", "domains")
    assert is_row_action("remove-links-3", "components", "links")
    assert not is_row_action("submit", "domains")
