from architectures.antipatterns.distributed_monolith import distributed_monolith
from decider.engine.answers import parse_answers
from tests.architectures.builders import build, c, link


def answers(org):
    base = {
        "teams": 2,
        "deploy_contention": "often",
        "scaling": "moderate",
        "tech_diversity": "none",
        "monolith_pain": 2,
    }
    return parse_answers(base | {"org": org})


SHARED = [c("a"), c("b"), c("db", "datastore")], [link("a", "db"), link("b", "db")]


def test_it_fires_on_three_signals_and_names_them():
    components, links = SHARED
    architecture = build(
        [*components, c("x", deploy_unit="u"), c("y", deploy_unit="u")],
        [*links, link("a", "b"), link("b", "a")],
    )
    (found,) = distributed_monolith(None, architecture)
    assert found.severity == "high"
    assert set(found.elements) == {"db", "a", "b", "x", "y"}
    assert "'db' shared" in found.message and "cycle" in found.message and "'u'" in found.message


def test_it_counts_the_organisation_from_the_answers():
    components, links = SHARED
    architecture = build([*components, c("x")], [*links, link("a", "x"), link("x", "b")])
    assert distributed_monolith(None, architecture) == []
    (found,) = distributed_monolith(answers(["lockstep_deploys"]), architecture)
    assert "deployed together" in found.message


def test_it_is_silent_on_two_signals():
    components, links = SHARED
    architecture = build(components, [*links, link("a", "b"), link("b", "a")])
    assert distributed_monolith(answers(["manual_qa"]), architecture) == []


def test_a_chain_inside_a_cycle_is_not_a_second_signal():
    architecture = build(list(map(c, "abc")), [link("a", "b"), link("b", "c"), link("c", "a")])
    assert distributed_monolith(answers(["lockstep_deploys"]), architecture) == []


def test_it_is_silent_on_a_monolith_and_without_an_architecture():
    org = answers(["lockstep_deploys", "shared_domain_library"])
    assert distributed_monolith(org, None) == []
    assert (
        distributed_monolith(org, build([c("app"), c("db", "datastore")], [link("app", "db")]))
        == []
    )
