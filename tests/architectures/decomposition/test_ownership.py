from architectures.decomposition.graph import coupling_graph
from architectures.decomposition.monolith import parse_monolith
from architectures.decomposition.ownership import assign_tables

MONOLITH = parse_monolith(
    {
        "modules": [
            {"name": "a", "tables": {"orders": "w", "audit": "w", "prices": "r"}},
            {"name": "b", "tables": {"orders": "rw", "audit": "w"}},
            {"name": "c", "tables": {"orders": "w", "prices": "r"}},
            {"name": "d", "tables": {"prices": "r"}},
        ]
    }
)


def test_the_candidate_with_most_writers_owns_the_table_and_it_is_shared():
    graph = coupling_graph(MONOLITH)
    ownership = assign_tables(graph, [0, 1, 1, 2], [None, None, None])
    orders = graph.tables.index("orders")
    assert ownership.owner[orders] == 1 and ownership.writers[orders] == (0, 1)
    assert {graph.tables[t] for t in ownership.shared()} == {"orders", "audit"}


def test_a_read_only_table_goes_to_its_main_reader_and_is_not_shared():
    graph = coupling_graph(MONOLITH)
    ownership = assign_tables(graph, [0, 1, 2, 2], [None, None, None])
    prices = graph.tables.index("prices")
    assert ownership.owner[prices] == 2 and ownership.writers[prices] == ()


def test_a_tie_goes_to_the_candidate_clustering_put_the_table_in():
    graph = coupling_graph(MONOLITH)
    audit = graph.tables.index("audit")
    home = [None] * len(graph.tables)
    home[audit] = 1
    assert assign_tables(graph, [0, 1, 2, 2], home).owner[audit] == 1
    assert assign_tables(graph, [0, 1, 2, 2], [None] * 3).owner[audit] == 0
