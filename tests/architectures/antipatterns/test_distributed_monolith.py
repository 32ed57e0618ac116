from architectures.antipatterns import distributed_monolith as rule
from architectures.antipatterns.registry import Evidence
from tests.architectures.builders import build, c, link

LOCKSTEP = ("your answers say “several parts must be deployed together”",)


def distributed_monolith(architecture, coupling_reasons=()):
    return rule.distributed_monolith(Evidence(architecture, coupling_reasons=coupling_reasons))


SHARED = [c("a"), c("b"), c("db", "datastore")], [link("a", "db"), link("b", "db")]


def test_it_fires_on_three_signals_and_names_them():
    components, links = SHARED
    architecture = build(
        [*components, c("x", deploy_unit="u"), c("y", deploy_unit="u")],
        [*links, link("a", "b"), link("b", "a")],
    )
    (found,) = distributed_monolith(architecture)
    assert found.severity == "high"
    assert set(found.elements) == {"db", "a", "b", "x", "y"}
    assert "'db' shared" in found.message and "cycle" in found.message and "'u'" in found.message


def test_it_counts_the_organisation_from_the_answers():
    components, links = SHARED
    architecture = build([*components, c("x")], [*links, link("a", "x"), link("x", "b")])
    assert distributed_monolith(architecture) == []
    (found,) = distributed_monolith(architecture, LOCKSTEP)
    assert "deployed together" in found.message


def test_it_is_silent_on_two_signals():
    components, links = SHARED
    architecture = build(components, [*links, link("a", "b"), link("b", "a")])
    assert distributed_monolith(architecture) == []


def test_a_chain_inside_a_cycle_is_not_a_second_signal():
    architecture = build(list(map(c, "abc")), [link("a", "b"), link("b", "c"), link("c", "a")])
    assert distributed_monolith(architecture, LOCKSTEP) == []


def test_it_is_silent_on_a_monolith_whatever_the_answers_say():
    monolith = build([c("app"), c("db", "datastore")], [link("app", "db")])
    assert distributed_monolith(monolith, LOCKSTEP * 3) == []
