from decider.engine import choices as c
from decider.engine.answers import parse_answers
from decider.engine.recommendation import recommend
from tests.decider.engine.helpers import MINIMAL

FULL_OPS = [str(op) for op in c.Op]


def advise(**answers) -> dict:
    return recommend(parse_answers(answers)).to_dict()["recommendation"]


def test_forty_teams_without_a_problem_are_not_told_to_split():
    rec = advise(
        teams=40,
        deploy_contention="never",
        scaling="uniform",
        tech_diversity="none",
        monolith_pain=0,
        existing_system="monolith",
        ops=FULL_OPS,
        distributed_experience="strong",
    )
    assert rec["architecture"] == "monolith"
    assert rec["style"] == "modular_monolith"


def test_four_teams_running_forty_services_are_told_to_consolidate():
    rec = advise(
        teams=4,
        deploy_contention="often",
        scaling="moderate",
        tech_diversity="none",
        monolith_pain=2,
        existing_system="microservices",
        services_today=40,
        ops=FULL_OPS,
    )
    assert rec["summary"].startswith("Consolidate: merge the 40 services")
    assert rec["style"] in ("modular_monolith", "microservices")


def test_a_trend_driven_organisation_gets_no_microservices_verdict():
    rec = advise(
        teams=30,
        developers=250,
        deploy_contention="rarely",
        scaling="moderate",
        tech_diversity="nice_to_have",
        monolith_pain=2,
        existing_system="monolith",
        ops=FULL_OPS,
        org=["trend_driven"],
    )
    assert rec["architecture"] == "monolith"
    assert "trend" in rec["summary"]


def test_the_contract_keeps_every_old_field_and_adds_the_comparison():
    data = recommend(parse_answers(MINIMAL)).to_dict()
    rec = data["recommendation"]
    assert {"architecture", "style", "score", "confidence", "summary"} <= set(rec)
    assert {"options", "runner_up", "robustness", "contested", "unknowns", "ask_next"} <= set(rec)
    assert len(rec["options"]) == 4
    assert all({"style", "fit", "pros", "cons"} <= set(o) for o in rec["options"])
    assert isinstance(rec["contested"], bool) and 0 <= rec["robustness"] <= 1
    assert set(data) == {"recommendation", "factors", "flips"}


def test_every_figure_is_rounded_half_up_to_three_places():
    from decider.engine.rounding import rounded, signed

    assert rounded(0.0545) == 0.055 and signed(0.0545) == "+0.055"
    assert rounded(-0.0545) == -0.055 and signed(-0.0) == "+0.000"
    data = recommend(parse_answers(MINIMAL)).to_dict()
    for factor in data["factors"]:
        assert factor["contribution"] == rounded(factor["contribution"])
