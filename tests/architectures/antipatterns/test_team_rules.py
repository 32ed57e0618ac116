from architectures.antipatterns import team_rules as rules
from tests.architectures.builders import build, c, link


def test_common_ownership_fires_on_a_team_with_three_services_and_lists_its_components():
    architecture = build(
        [
            c("a", team="t"),
            c("b", team="t"),
            c("x", team="t"),
            c("db", "datastore", team="t"),
            c("other", team="u"),
        ]
    )
    (found,) = rules.common_ownership(architecture)
    assert found.elements == ("a", "b", "x", "db") and "Team 't' owns 3 services" in found.message


def test_common_ownership_fires_when_one_team_owns_all_services():
    (found,) = rules.common_ownership(build([c("a", team="t"), c("b", team="t")]))
    assert "all the services" in found.message


def test_common_ownership_is_silent_on_two_of_three_and_on_a_monolith():
    split = build([c("a", team="t"), c("b", team="t"), c("x", team="u")])
    assert rules.common_ownership(split) == []
    assert rules.common_ownership(build([c("app", team="t")])) == []


def test_tightly_coupled_teams_fires_when_another_team_has_more_links():
    architecture = build(
        [
            c("r", team="x"),
            c("r-db", "datastore", team="x"),
            c("o", team="y"),
            c("o-db", "datastore", team="y"),
        ],
        [link("r", "r-db"), link("r", "o"), link("r", "o-db"), link("o", "o-db")],
    )
    found = rules.tightly_coupled_teams(architecture)
    assert [f.elements for f in found] == [("r", "o", "o-db")]
    assert "2 links to team 'y'" in found[0].message


def test_tightly_coupled_teams_is_silent_on_a_tie_and_ignores_platform_parts():
    architecture = build(
        [
            c("r", team="x"),
            c("r-db", "datastore", team="x"),
            c("o", team="y"),
            c("o-db", "datastore", team="y"),
            c("gw", "gateway", team="p"),
            c("bus", "broker", team="p"),
        ],
        [
            link("r", "r-db"),
            link("r", "o"),
            link("gw", "r"),
            link("r", "bus", "async"),
            link("o", "o-db"),
        ],
    )
    assert rules.tightly_coupled_teams(architecture) == []


def test_shared_bounded_context_fires_on_a_datastore_of_another_team():
    architecture = build(
        [c("a", team="x"), c("b", team="y"), c("db", "datastore", owner="a")],
        [link("a", "db"), link("b", "db")],
    )
    (found,) = rules.shared_bounded_context(architecture)
    assert found.elements == ("b", "db") and "belongs to team 'x'" in found.message


def test_shared_bounded_context_is_silent_within_one_team():
    architecture = build(
        [c("a", team="x"), c("b", team="x"), c("db", "datastore", owner="a")],
        [link("a", "db"), link("b", "db")],
    )
    assert rules.shared_bounded_context(architecture) == []


def test_single_layer_teams_fires_on_a_team_of_only_datastores_or_presentation():
    architecture = build(
        [
            c("ui", layer="presentation", team="front"),
            c("db", "datastore", team="dba"),
            c("a", team="full"),
            c("a-db", "datastore", team="full"),
        ]
    )
    found = rules.single_layer_teams(architecture)
    assert [f.elements for f in found] == [("ui",), ("db",)]
    assert "only the presentation layer" in found[0].message


def test_single_layer_teams_is_silent_on_mixed_teams_and_client_teams():
    architecture = build(
        [
            c("app", "client", team="mobile"),
            c("a", team="full"),
            c("a-db", "datastore", team="full"),
            c("gw", "gateway", team="platform"),
        ]
    )
    assert rules.single_layer_teams(architecture) == []
