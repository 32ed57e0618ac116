import pytest

from architectures.model import (
    MAX_COMPONENTS,
    Architecture,
    ArchitectureInvalid,
    Component,
    Kind,
    parse_architecture,
)

DATA = {
    "components": [
        {"name": "web", "kind": "client"},
        {"name": "orders", "kind": "service", "team": "shop", "modules": ["cart", "checkout"]},
        {"name": "orders db", "kind": "datastore", "owner": "orders", "note": "One schema"},
    ],
    "links": [
        {"source": "web", "target": "orders"},
        {"source": "orders", "target": "orders db", "style": "sync"},
    ],
}


def locs(error: pytest.ExceptionInfo) -> list[tuple]:
    return [p.loc for p in error.value.problems]


def test_it_round_trips_json_including_notes_and_modules():
    architecture = parse_architecture(DATA)
    again = parse_architecture(architecture.to_dict())
    assert again == architecture
    assert again.component("orders").modules == ("cart", "checkout")
    assert again.component("orders db").note == "One schema"


def test_it_lists_teams_sorted():
    architecture = Architecture(
        (Component("a", Kind.SERVICE, team="zeta"), Component("b", Kind.SERVICE, team="alpha"))
    )
    assert architecture.teams == ["alpha", "zeta"]


def test_it_rejects_newlines_in_names_as_non_printable():
    data = {"components": [{"name": "a\nb", "kind": "service"}]}
    with pytest.raises(ArchitectureInvalid) as error:
        parse_architecture(data)
    assert locs(error) == [("components", 0, "name")]


def test_it_reports_every_problem_at_once():
    data = {
        "components": [{"name": "a", "kind": "robot"}, {"name": "a", "kind": "service"}],
        "links": [{"source": "a", "target": "ghost", "style": "telepathy", "timeout": "yes"}],
    }
    with pytest.raises(ArchitectureInvalid) as error:
        parse_architecture(data)
    assert ("components", 0, "kind") in locs(error)
    assert ("links", 0, "target") in locs(error)
    assert ("links", 0, "style") in locs(error)
    assert ("links", 0, "timeout") in locs(error)


def test_it_rejects_too_many_components_before_parsing_them():
    data = {"components": [{"name": f"s{i}", "kind": "service"} for i in range(MAX_COMPONENTS + 1)]}
    with pytest.raises(ArchitectureInvalid) as error:
        parse_architecture(data)
    assert error.value.problems[0].type == "too_long"


def test_it_rejects_duplicate_and_invalid_modules():
    data = {"components": [{"name": "app", "kind": "service", "modules": ["a", "a", "x\ty"]}]}
    with pytest.raises(ArchitectureInvalid) as error:
        parse_architecture(data)
    assert ("components", 0, "modules") in locs(error)
    assert ("components", 0, "modules", 2) in locs(error)


def test_it_rejects_a_note_that_is_too_long():
    data = {"components": [{"name": "app", "kind": "service", "note": "x" * 201}]}
    with pytest.raises(ArchitectureInvalid):
        parse_architecture(data)
