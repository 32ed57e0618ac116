import pytest

from architectures.decomposition.monolith import (
    CALLS_PER_MONOLITH_MAX,
    MODULES_PER_MONOLITH_MAX,
    Access,
    MonolithInvalid,
    parse_monolith,
)


def problems_of(data) -> dict[tuple, str]:
    with pytest.raises(MonolithInvalid) as caught:
        parse_monolith(data)
    return {p.loc: p.msg for p in caught.value.problems}


def test_it_reads_the_design_shape():
    monolith = parse_monolith(
        {
            "modules": [
                {"name": "orders", "tables": {"orders": "rw"}, "calls": {"billing": 2}, "loc": 900},
                {"name": "billing", "tables": {"invoices": "w", "orders": "r"}},
            ]
        }
    )
    orders, billing = monolith.modules
    assert orders.calls == {"billing": 2} and orders.loc == 900
    assert billing.tables == {"invoices": Access.WRITE, "orders": Access.READ}
    assert billing.calls == {} and monolith.call_count == 1


def test_to_dict_round_trips():
    data = {"modules": [{"name": "a", "tables": {"t": "rw"}, "calls": {"a": 1}, "loc": 3}]}
    assert parse_monolith(data).to_dict() == data


def test_it_reports_every_problem_at_once():
    found = problems_of(
        {
            "modules": [
                {"name": "", "tables": {"t": "x"}, "calls": {"ghost": 1}},
                {"name": "b", "calls": {"b": 0}, "loc": -1},
                {"name": "b", "tables": ["t"]},
                "c",
            ]
        }
    )
    assert found == {
        ("modules", 0, "name"): "1 to 120 printable characters.",
        ("modules", 0, "tables", "t"): "Must be one of 'r', 'w', 'rw'.",
        ("modules", 0, "calls", "ghost"): "Unknown module 'ghost'.",
        ("modules", 1, "calls", "b"): "Must be a positive whole number.",
        ("modules", 1, "loc"): "Must be a whole number, 0 or more.",
        ("modules", 2, "name"): "Module 'b' is listed twice.",
        ("modules", 2, "tables"): "Must be an object of table name to r, w or rw.",
        ("modules", 3): "Each module must be an object.",
    }


def test_it_rejects_booleans_and_floats_as_counts():
    found = problems_of(
        {"modules": [{"name": "a", "calls": {"b": True}}, {"name": "b", "calls": {"a": 1.5}}]}
    )
    assert set(found) == {("modules", 0, "calls", "b"), ("modules", 1, "calls", "a")}


def test_it_rejects_unprintable_and_too_long_names():
    found = problems_of(
        {
            "modules": [
                {"name": "a\nb"},
                {"name": "x" * 121},
                {"name": "ok", "tables": {"t\x00": "r"}},
            ]
        }
    )
    assert set(found) == {
        ("modules", 0, "name"),
        ("modules", 1, "name"),
        ("modules", 2, "tables", "t\x00"),
    }


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        ([], ()),
        ({}, ("modules",)),
        ({"modules": {}}, ("modules",)),
        ({"modules": []}, ("modules",)),
    ],
)
def test_it_rejects_a_wrong_top_level_shape(data, loc):
    assert loc in problems_of(data)


def test_it_limits_the_number_of_modules():
    found = problems_of(
        {"modules": [{"name": f"m{i}"} for i in range(MODULES_PER_MONOLITH_MAX + 1)]}
    )
    assert found[("modules",)].startswith("At most 20,000 modules")


def test_it_limits_the_number_of_calls():
    callees = {f"m{i}": 1 for i in range(1, 1001)}
    modules = [{"name": f"m{i}"} for i in range(1, 1001)]
    modules += [
        {"name": f"caller{i}", "calls": callees} for i in range(CALLS_PER_MONOLITH_MAX // 1000 + 1)
    ]
    found = problems_of({"modules": modules})
    assert found[("modules",)].startswith("At most 200,000 calls entries")


def test_a_note_holding_a_lone_surrogate_is_refused():
    # JSON's "\ud800" parses to a string that no page, file or database can encode.
    problems = problems_of({"modules": [{"name": "a"}], "notes": ["fine", "bad \ud800"]})
    assert "valid Unicode" in problems[("notes",)]
    assert parse_monolith({"modules": [{"name": "a"}], "notes": ["ünïcode ✓"]}).notes
