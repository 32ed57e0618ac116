from architectures.decomposition.clustering import cluster
from architectures.decomposition.graph import coupling_graph
from architectures.decomposition.monolith import parse_monolith


def two_triangles() -> dict:
    """Two tight triangles joined by one weak call."""
    heavy = 20
    return {
        "modules": [
            {"name": "a1", "calls": {"a2": heavy, "a3": heavy}},
            {"name": "a2", "calls": {"a3": heavy}},
            {"name": "a3", "calls": {"b1": 1}},
            {"name": "b1", "calls": {"b2": heavy, "b3": heavy}},
            {"name": "b2", "calls": {"b3": heavy}},
            {"name": "b3"},
        ]
    }


def groups_of(result, graph) -> set[frozenset[str]]:
    return {frozenset(graph.modules[m] for m in g.modules) for g in result.groups}


def test_it_finds_the_planted_communities():
    graph = coupling_graph(parse_monolith(two_triangles()))
    result = cluster(graph, resolution=1.0, pins={})
    assert groups_of(result, graph) == {
        frozenset({"a1", "a2", "a3"}),
        frozenset({"b1", "b2", "b3"}),
    }


def test_pins_override_the_structure():
    graph = coupling_graph(parse_monolith(two_triangles()))
    result = cluster(graph, resolution=1.0, pins={"a1": "edge", "b3": "edge"})
    pinned = next(g for g in result.groups if g.pin == "edge")
    assert {graph.modules[m] for m in pinned.modules} >= {"a1", "b3"}


def test_two_pin_names_in_one_community_are_split_by_their_links():
    graph = coupling_graph(parse_monolith(two_triangles()))
    result = cluster(graph, resolution=1.0, pins={"a1": "left", "a2": "right"})
    by_pin = {g.pin: {graph.modules[m] for m in g.modules} for g in result.groups if g.pin}
    assert by_pin["left"] >= {"a1"} and by_pin["right"] >= {"a2"}
    assert "a3" in by_pin["left"] | by_pin["right"]


def test_it_is_deterministic():
    graph = coupling_graph(parse_monolith(two_triangles()))
    runs = {cluster(graph, resolution=1.0, pins={}) for _ in range(5)}
    assert len(runs) == 1
