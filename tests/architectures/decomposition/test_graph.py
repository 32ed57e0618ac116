import math

from architectures.decomposition.graph import READ_WEIGHT, WRITE_WEIGHT, coupling_graph
from architectures.decomposition.monolith import parse_monolith


def test_it_sorts_modules_and_adds_tables_as_vertices():
    graph = coupling_graph(
        parse_monolith(
            {
                "modules": [
                    {"name": "b", "tables": {"t": "r"}, "calls": {"a": 3, "b": 9}},
                    {"name": "a", "tables": {"t": "rw"}},
                ]
            }
        )
    )
    assert graph.modules == ("a", "b") and graph.tables == ("t",)
    assert graph.calls == {(1, 0): 3}  # the self-call is left out
    assert graph.access == ({0: True, 1: False},)
    weighted = dict(zip(graph.edges, graph.weights, strict=True))
    assert weighted == {(1, 0): 1 + math.log(3), (0, 2): WRITE_WEIGHT, (1, 2): READ_WEIGHT}
    assert WRITE_WEIGHT > READ_WEIGHT
