import json
import random
from pathlib import Path

import pytest

from architectures.decomposition import MonolithInvalid, decompose, parse_monolith

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "monoliths"


def load(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def candidate_of(result, module: str) -> str:
    return next(c.name for c in result.candidates if module in c.modules)


# Two pinned teams; table `ledger` written by both, `rates` only read by beta.
TWO_TEAMS = {
    "modules": [
        {"name": "a1", "tables": {"ledger": "rw", "a_table": "rw"}, "calls": {"a2": 5}},
        {"name": "a2", "tables": {"ledger": "w", "rates": "r"}, "calls": {"b1": 1}},
        {"name": "b1", "tables": {"ledger": "w", "b_table": "rw"}, "calls": {"b2": 4}},
        {"name": "b2", "tables": {"rates": "rw", "b_table": "r"}},
    ]
}
PINS = {"a1": "alpha", "a2": "alpha", "b1": "beta", "b2": "beta"}


def test_each_table_goes_to_the_candidate_writing_it_most():
    result = decompose(parse_monolith(TWO_TEAMS), pins=PINS)
    tables = {c.name: set(c.tables) for c in result.candidates}
    assert tables == {"alpha": {"ledger", "a_table"}, "beta": {"b_table", "rates"}}


def test_a_table_written_by_two_candidates_is_shared_with_its_writers():
    result = decompose(parse_monolith(TWO_TEAMS), pins=PINS)
    (shared,) = result.shared_tables
    assert shared.to_dict() == {
        "table": "ledger",
        "owner": "alpha",
        "candidates": ["alpha", "beta"],
    }


def test_to_dict_has_the_design_shape():
    answer = decompose(parse_monolith(TWO_TEAMS), pins=PINS).to_dict()
    assert {"candidates", "shared_tables", "plan", "metrics"} <= set(answer)
    assert set(answer["candidates"][0]) == {"name", "modules", "tables", "undecided"}
    assert answer["unplaced"] == [] and answer["granularity"]["criterion"] == "largest_share"
    assert {"candidate", "reason", "tables", "calls_to_api", "shared_tables_first"} <= set(
        answer["plan"][0]
    )
    assert set(answer["metrics"]) == {
        "undecided",
        "structural_modularity",
        "inter_call_percentage",
        "interface_number",
        "non_extreme_distribution",
    }
    assert answer["calls"] == [{"caller": "alpha", "callee": "beta", "calls": 1}]


def test_pinned_modules_stay_in_their_named_candidate():
    monolith = parse_monolith(load("back_office.json"))
    pins = {
        "web.payslip_controller": "front",
        "web.invoice_controller": "front",
        "crm.customer_service": "invoicing",
    }
    result = decompose(monolith, pins=pins)
    assert candidate_of(result, "web.payslip_controller") == "front"
    assert candidate_of(result, "web.invoice_controller") == "front"
    assert candidate_of(result, "crm.customer_service") == "invoicing"
    assert len({c.name for c in result.candidates}) == len(result.candidates)


def test_the_same_input_gives_the_same_answer_in_any_order():
    data = load("back_office.json")
    first = decompose(parse_monolith(data)).to_dict()
    assert decompose(parse_monolith(data)).to_dict() == first
    shuffled = dict(data, modules=random.Random(3).sample(data["modules"], len(data["modules"])))
    assert decompose(parse_monolith(shuffled)).to_dict() == first


def test_a_higher_resolution_gives_more_candidates():
    monolith = parse_monolith(load("back_office.json"))
    coarse = decompose(monolith, resolution=0.3)
    fine = decompose(monolith, resolution=3.0)
    assert len(coarse.candidates) < len(fine.candidates)


def test_the_back_office_splits_into_business_capabilities():
    result = decompose(parse_monolith(load("back_office.json")))
    for domain in ("payroll", "hr", "crm", "sales", "invoicing", "accounting", "timekeeping"):
        homes = {
            candidate_of(result, m.name)
            for m in parse_monolith(load("back_office.json")).modules
            if m.name.startswith(f"{domain}.")
        }
        assert homes == {domain}, domain
    # Vertical slices, not layers: each controller sits with the service it calls.
    assert candidate_of(result, "web.payslip_controller") == "payroll"
    assert candidate_of(result, "web.invoice_controller") == "invoicing"
    assert not any(all(m.startswith("web.") for m in c.modules) for c in result.candidates)
    shared = {s.table: set(s.candidates) for s in result.shared_tables}
    assert shared["journal_entries"] >= {"accounting", "invoicing", "payroll"}


def test_the_shop_keeps_payments_and_catalog_apart():
    result = decompose(parse_monolith(load("shop.json")), resolution=1.0)
    assert {
        candidate_of(result, m)
        for m in ("payments.gateway", "payments.refunds", "payments.fraud_check")
    } == {"payments"}
    assert {
        candidate_of(result, m)
        for m in ("catalog.products", "catalog.search", "catalog.categories")
    } == {"catalog"}
    assert {"orders", "order_status_history"} <= {s.table for s in result.shared_tables}


def test_modules_without_any_call_or_table_are_unplaced_and_never_a_plan_step():
    data = {
        "modules": [{"name": "a", "calls": {"b": 1}}, {"name": "b"}, {"name": "x"}, {"name": "y"}]
    }
    result = decompose(parse_monolith(data))
    assert result.unplaced == ("x", "y")
    assert all(not {"x", "y"} & set(c.modules) for c in result.candidates)
    assert [s.candidate for s in result.plan] == [c.name for c in result.candidates]
    assert result.to_dict()["unplaced"] == ["x", "y"]


def test_without_a_resolution_no_candidate_holds_more_than_a_quarter_of_the_code():
    result = decompose(parse_monolith(load("back_office.json")))
    assert result.granularity.criterion == "largest_share"
    sizes = [len(c.modules) for c in result.candidates]
    assert max(sizes) <= 0.25 * sum(sizes)
    assert f"{result.resolution:g}" in result.granularity.reason


def test_with_teams_the_candidate_count_comes_near_one_per_team():
    monolith = parse_monolith(load("back_office.json"))
    for teams in (3, 8):
        result = decompose(monolith, teams=teams)
        assert result.granularity.criterion == "teams"
        assert abs(len(result.candidates) - teams) <= 3
        assert f"{teams} teams" in result.granularity.reason
        assert f"{len(result.candidates)} candidates" in result.granularity.reason


def test_undecided_modules_are_counted_in_the_metrics_and_listed_per_candidate():
    result = decompose(parse_monolith(load("back_office.json")), resolution=3.0)
    listed = [m for c in result.candidates for m in c.undecided]
    assert result.metrics.undecided == len(listed)
    assert all(m in c.modules for c in result.candidates for m in c.undecided)


def test_a_resolution_up_to_one_hundred_splits_finely():
    monolith = parse_monolith(load("back_office.json"))
    assert len(decompose(monolith, resolution=100.0).candidates) > len(
        decompose(monolith, resolution=10.0).candidates
    )


def test_it_rejects_bad_options_naming_each():
    monolith = parse_monolith(TWO_TEAMS)
    with pytest.raises(MonolithInvalid) as caught:
        decompose(monolith, resolution=0, pins={"ghost": "x", "a1": ""})
    locs = {p.loc for p in caught.value.problems}
    assert locs == {("resolution",), ("pins", "ghost"), ("pins", "a1")}


@pytest.mark.parametrize(
    "resolution", [10**400, float("nan"), float("inf"), -1], ids=["huge", "nan", "inf", "negative"]
)
def test_a_resolution_out_of_range_is_a_problem_however_it_is_written(resolution):
    with pytest.raises(MonolithInvalid) as caught:
        decompose(parse_monolith(TWO_TEAMS), resolution=resolution)
    assert [p.loc for p in caught.value.problems] == [("resolution",)]
