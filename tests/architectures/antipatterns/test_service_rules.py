from architectures.antipatterns import service_rules as rules
from architectures.antipatterns.registry import Evidence
from tests.architectures.builders import SAFE, build, c, link


def test_wrong_cuts_fires_on_two_layer_services():
    architecture = build([c("ui", layer="presentation"), c("dao", layer="data"), c("x")])
    (found,) = rules.wrong_cuts(architecture)
    assert found.elements == ("ui", "dao") and "technical layer" in found.message


def test_wrong_cuts_is_silent_on_one_presentation_service():
    architecture = build([c("bff", layer="presentation"), c("orders", layer="business")])
    assert rules.wrong_cuts(architecture) == []


def test_wrong_cuts_fires_on_a_data_service_fronting_one_datastore_for_several_callers():
    architecture = build(
        [c("dao", layer="data"), c("a"), c("b"), c("db", "datastore")],
        [link("a", "dao"), link("b", "dao"), link("dao", "db")],
    )
    (found,) = rules.wrong_cuts(architecture)
    assert found.elements == ("dao", "db", "a", "b") and "only fronts 'db'" in found.message


def test_wrong_cuts_is_silent_on_a_data_service_with_one_caller():
    architecture = build(
        [c("dao", layer="data"), c("a"), c("db", "datastore")],
        [link("a", "dao"), link("dao", "db")],
    )
    assert rules.wrong_cuts(architecture) == []


def test_megaservice_fires_on_three_datastores():
    stores = [c(f"db{i}", "datastore") for i in range(3)]
    architecture = build([c("big"), c("small"), *stores], [link("big", f"db{i}") for i in range(3)])
    (found,) = rules.megaservice(architecture)
    assert found.elements == ("big", "db0", "db1", "db2") and "3 datastores" in found.message


def test_megaservice_fires_on_far_more_links_than_the_others():
    others = [c(f"s{i}") for i in range(6)]
    architecture = build([c("hub"), *others], [link("hub", f"s{i}", **SAFE) for i in range(6)])
    (found,) = rules.megaservice(architecture)
    assert found.elements == ("hub",) and "6 links" in found.message


def test_megaservice_is_silent_on_two_datastores_and_on_a_lone_monolith():
    stores = [c("db0", "datastore"), c("db1", "datastore")]
    two = build([c("a"), c("b"), *stores], [link("a", "db0"), link("a", "db1")])
    assert rules.megaservice(two) == []
    three = [c(f"db{i}", "datastore") for i in range(3)]
    monolith = build([c("app"), *three], [link("app", f"db{i}") for i in range(3)])
    assert rules.megaservice(monolith) == []


def test_greedy_fires_on_a_tiny_service():
    architecture = build(
        [c("a"), c("tiny"), c("db", "datastore")], [link("a", "db"), link("a", "tiny", **SAFE)]
    )
    (found,) = rules.microservice_greedy(architecture)
    assert found.elements == ("tiny", "a") and "single caller, 'a'" in found.message


def test_greedy_is_silent_on_a_service_with_a_datastore_or_two_callers():
    architecture = build(
        [c("a"), c("b"), c("x"), c("y"), c("db", "datastore")],
        [link("a", "x"), link("b", "x"), link("a", "y"), link("y", "db")],
    )
    assert rules.microservice_greedy(architecture) == []


def test_greedy_fires_on_a_team_with_more_than_three_services():
    architecture = build([c(f"s{i}", team="core") for i in range(4)])
    (found,) = rules.microservice_greedy(architecture)
    assert found.elements == ("s0", "s1", "s2", "s3") and "Team 'core'" in found.message
    assert rules.microservice_greedy(build([c(f"s{i}", team="core") for i in range(3)])) == []


def test_too_many_technologies_fires_on_languages_beyond_the_team_count():
    langs = ["go", "java", "rust"]
    architecture = build([c(f"s{i}", language=lang) for i, lang in enumerate(langs)])
    (found,) = rules.too_many_technologies(Evidence(architecture, teams=2))
    assert found.elements == ("s0", "s1", "s2") and "3 languages" in found.message
    assert rules.too_many_technologies(Evidence(architecture, teams=6)) == []


def test_too_many_technologies_fires_on_four_datastore_engines():
    engines = ["postgresql", "mongodb", "redis", "cassandra"]
    stores = [c(f"db{i}", "datastore", engine=e) for i, e in enumerate(engines)]
    (found,) = rules.too_many_technologies(Evidence(build(stores)))
    assert "4 datastore engines" in found.message
    assert rules.too_many_technologies(Evidence(build(stores[:3]))) == []
