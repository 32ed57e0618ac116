from architectures.decomposition.metrics import Metrics
from architectures.decomposition.plan import CallFlow, SharedTable
from architectures.decomposition.split import Candidate, Split
from architectures.decomposition.split_architecture import split_architecture
from architectures.model import Kind


def split() -> Split:
    return Split(
        candidates=(
            Candidate("orders", ("orders.cart", "orders.pay"), ("carts",)),
            # As a real split has it: the owner of a shared table lists it among its tables.
            Candidate("catalog", ("catalog.books",), ("books",)),
        ),
        shared_tables=(SharedTable("books", "catalog", ("orders", "catalog")),),
        plan=(),
        metrics=Metrics(0.5, 0.1, 1.0, 0.0),
        calls=(CallFlow("orders", "catalog", 4),),
    )


def test_each_candidate_is_a_service_with_its_own_data_and_shared_tables_stand_apart():
    architecture = split_architecture(split())
    kinds = {c.name: c.kind for c in architecture.components}
    assert kinds == {
        "orders": Kind.SERVICE,
        "orders data": Kind.DATASTORE,
        "catalog": Kind.SERVICE,
        "shared table books": Kind.DATASTORE,
    }
    assert architecture.component("orders").modules == ("orders.cart", "orders.pay")
    assert architecture.component("orders data").modules == ("carts",)
    # A shared table is drawn once, apart, not also inside its owner's datastore.
    assert [c.name for c in architecture.components if "books" in (c.modules or ())] == []
    pairs = {(link.source, link.target) for link in architecture.links}
    assert pairs == {
        ("orders", "orders data"),
        ("orders", "shared table books"),
        ("catalog", "shared table books"),
        ("orders", "catalog"),
    }
