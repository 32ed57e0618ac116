from django.http import QueryDict

from decider.forms import DomainForm, DomainFormSet
from decider.views.rows import focus_after, with_row_defaults


def posted(**values: str) -> QueryDict:
    data = QueryDict(mutable=True)
    data.update(values)
    return data


def test_an_added_row_starts_from_the_initial_load_and_keeps_what_was_chosen():
    data = with_row_defaults(
        posted(**{"domains-TOTAL_FORMS": "2", "domains-0-load": "high"}), "domains", DomainForm
    )
    assert data["domains-0-load"] == "high" and data["domains-1-load"] == "normal"
    assert "domains-1-team" not in data  # no initial value, nothing made up


def formset(rows: int):
    data = {"domains-TOTAL_FORMS": str(rows), "domains-INITIAL_FORMS": "0"}
    data |= {f"domains-{i}-name": f"d{i}" for i in range(rows)}
    data |= {f"domains-{i}-load": "normal" for i in range(rows)}
    return DomainFormSet(data, prefix="domains")


def focused(rows) -> list[int]:
    return [i for i, f in enumerate(rows.forms) if f.fields["name"].widget.attrs.get("autofocus")]


def test_after_add_the_new_row_has_the_focus():
    rows = formset(4)
    assert focus_after("add-domains", "domains", rows, first_field="name") == 3
    assert focused(rows) == [3]


def test_after_remove_the_row_that_took_its_place_has_the_focus():
    rows = formset(3)
    assert focus_after("remove-domains-1", "domains", rows, first_field="name") == 1
    last = formset(2)
    assert focus_after("remove-domains-2", "domains", last, first_field="name") == 1


def test_with_no_row_left_nothing_in_a_row_has_the_focus():
    assert focus_after("remove-domains-0", "domains", formset(0), first_field="name") is None


def test_an_action_naming_no_row_puts_the_focus_on_the_last_row():
    for action in ("remove-domains-²", "remove-domains-" + "9" * 5000):
        rows = formset(2)
        assert focus_after(action, "domains", rows, first_field="name") == 1
