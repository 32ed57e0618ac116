from architectures.decomposition.plan import ForeignRead, PlanInput, SharedTable, extraction_plan

NAMES = ["core", "billing", "search", "shipping"]
SHARED = [SharedTable("orders", "core", ("core", "shipping"))]


def plan(flows, shared=SHARED, reads=None):
    reads = reads or [[] for _ in NAMES]
    tables = [["orders"], ["invoices"], [], ["shipments"]]
    return extraction_plan(PlanInput(NAMES, [5, 3, 2, 4], tables, flows, shared, reads))


def test_it_starts_with_a_candidate_nobody_calls_and_without_shared_tables():
    # core calls billing and shipping; nobody calls search.
    steps = plan({(0, 1): 10, (0, 3): 4, (2, 0): 2})
    assert steps[0].candidate == "search"
    assert (
        "Called by 0 candidates still inside (0 calls); calls 1 candidate (2 calls)"
        in steps[0].reason
    )
    assert "the easiest slice to carve off now" in steps[0].reason
    assert [c.to_dict() for c in steps[0].calls_to_api] == [
        {"caller": "search", "callee": "core", "calls": 2}
    ]


def test_it_postpones_candidates_writing_shared_tables_and_lists_them_first():
    steps = plan({(0, 1): 10, (0, 3): 4, (2, 0): 2})
    order = [s.candidate for s in steps]
    assert order[:2] == ["search", "billing"]
    first_writer = steps[2]
    assert [s.table for s in first_writer.shared_tables_first] == ["orders"]
    assert "it writes 1 shared table" in first_writer.reason
    assert "1 table moves with it" in first_writer.reason
    # Once dealt with, the shared table is not listed again.
    assert not steps[3].shared_tables_first


def test_the_last_step_is_what_remains_of_the_monolith():
    steps = plan({(0, 1): 10, (0, 3): 4, (2, 0): 2})
    assert len(steps) == 4
    assert steps[-1].reason.startswith("What remains of the monolith")


def test_calls_are_listed_once_at_the_first_of_their_two_ends_to_leave():
    steps = plan({(0, 1): 10, (1, 0): 1})
    listed = [(f.caller, f.callee) for s in steps for f in s.calls_to_api]
    assert sorted(listed) == [("billing", "core"), ("core", "billing")]


def test_a_step_names_the_tables_it_reads_from_others():
    reads = [[], [ForeignRead("orders", "core")], [], [ForeignRead("orders", "core")]]
    steps = plan({}, shared=[], reads=reads)
    billing = next(s for s in steps if s.candidate == "billing")
    assert billing.to_dict()["reads_from_others"] == [{"table": "orders", "owner": "core"}]
    assert "read replica" in billing.reason
