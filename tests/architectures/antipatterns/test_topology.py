from architectures.antipatterns import topology
from architectures.model import LinkStyle
from tests.architectures.builders import build, c, link


def test_longest_chain_counts_a_cycle_as_all_its_members():
    architecture = build(list(map(c, "abcd")), [link("a", "b"), link("b", "a"), link("b", "c")])
    graph = topology.call_graph(architecture, LinkStyle.SYNC)
    assert topology.longest_chain(graph) == ("a", "b", "c")
    assert topology.cycles(graph) == [("a", "b")]


def test_longest_chain_of_no_services_is_empty():
    assert topology.longest_chain(topology.call_graph(build([]), LinkStyle.SYNC)) == ()


def test_owner_defaults_to_the_only_user():
    architecture = build([c("a"), c("db", "datastore")], [link("a", "db")])
    assert topology.owner(architecture, architecture.component("db")) == "a"


def test_users_include_gateways_but_not_clients():
    architecture = build(
        [c("web", "client"), c("gw", "gateway"), c("db", "datastore")],
        [link("web", "db"), link("gw", "db")],
    )
    assert topology.users(architecture, "db") == ["gw"]
