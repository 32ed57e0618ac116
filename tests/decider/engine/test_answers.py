import pytest
from hypothesis import given, settings

from decider.engine import choices as c
from decider.engine.answers import AnswersInvalid, parse_answers
from decider.engine.overrides import missing_prerequisites
from tests.decider.engine.helpers import MINIMAL
from tests.decider.engine.strategies import answers_strategy


def problems(data) -> dict[tuple, str]:
    with pytest.raises(AnswersInvalid) as info:
        parse_answers(data)
    return {p.loc: p.msg for p in info.value.problems}


def test_it_fills_in_the_defaults():
    a = parse_answers(MINIMAL)
    assert a.existing_system == c.ExistingSystem.NONE
    assert a.distributed_experience == c.Experience.SOME
    assert a.consistency == c.Consistency.MIXED
    assert a.domain_clarity == c.DomainClarity.PARTIAL
    assert [d.name for d in a.domains] == ["users", "orders", "inventory"]


def test_the_newer_questions_default_to_not_answered_and_no_unknowns():
    a = parse_answers(MINIMAL)
    assert a.failure_isolation is None and a.services_today is None
    assert a.unknown_ops is False
    assert a.unknowns == ()


def test_it_reports_every_problem_at_once_naming_each_field():
    found = problems({"teams": 0, "scaling": "huge", "ops": ["ci_cd", "magic"], "developers": "x"})
    assert set(found) == {
        ("teams",),
        ("scaling",),
        ("ops", 1),
        ("developers",),
        ("deploy_contention",),
        ("tech_diversity",),
        ("monolith_pain",),
    }
    assert "between 1 and 1,000" in found[("teams",)]
    assert "'divergent'" in found[("scaling",)]
    assert "'unknown'" in found[("scaling",)]


def test_it_rejects_booleans_as_numbers():
    assert ("teams",) in problems(MINIMAL | {"teams": True})


def test_dont_know_is_an_answer_for_every_question_but_teams():
    a = parse_answers(
        MINIMAL
        | {
            "deploy_contention": "unknown",
            "monolith_pain": None,
            "consistency": "unknown",
            "failure_isolation": "unknown",
            "unknown_ops": True,
        }
    )
    assert a.unknowns == (
        "deploy_contention",
        "monolith_pain",
        "consistency",
        "ops",
        "failure_isolation",
    )
    assert ("teams",) in problems(MINIMAL | {"teams": None})
    assert ("teams",) in problems(MINIMAL | {"teams": "unknown"})


def test_null_on_an_optional_question_keeps_its_default():
    a = parse_answers(MINIMAL | {"consistency": None, "developers": None})
    assert a.consistency == c.Consistency.MIXED
    assert a.developers is None
    assert a.unknowns == ()


def test_a_required_choice_still_must_be_given():
    assert problems({k: v for k, v in MINIMAL.items() if k != "scaling"}) == {
        ("scaling",): "This field is required."
    }


def test_the_unknown_ops_flag_must_be_a_boolean():
    assert ("unknown_ops",) in problems(MINIMAL | {"unknown_ops": "yes"})


def test_it_rejects_unknown_domain_references():
    domains = [{"name": "orders", "depends_on": ["billing"]}, {"name": "users"}]
    found = problems(MINIMAL | {"domains": domains})
    assert found == {("domains", 0, "depends_on"): "Unknown domain 'billing'."}


def test_it_rejects_duplicate_and_malformed_domain_names():
    domains = [{"name": "a"}, {"name": "a"}, {"name": "<script>"}, {"name": "x" * 41}]
    found = problems(MINIMAL | {"domains": domains})
    assert set(found) == {("domains", 1, "name"), ("domains", 2, "name"), ("domains", 3, "name")}


def test_it_refuses_too_many_domains():
    domains = [{"name": f"d{i}"} for i in range(c.MAX_DOMAINS + 1)]
    assert ("domains",) in problems(MINIMAL | {"domains": domains})


def test_it_reads_domains_with_their_links():
    a = parse_answers(
        MINIMAL
        | {
            "domains": [
                {"name": "orders", "load": "high", "team": "Shop", "depends_on": ["users"]},
                {"name": "users", "publishes_to": ["orders"]},
            ]
        }
    )
    assert a.domains[0].load == c.Load.HIGH
    assert a.domains[0].team == "Shop"
    assert a.domains[0].depends_on == ("users",)
    assert a.domains[1].publishes_to == ("orders",)


def test_it_round_trips_through_to_dict_unknowns_included():
    a = parse_answers(
        MINIMAL
        | {
            "ops": ["observability", "ci_cd"],
            "org": ["trend_driven"],
            "scaling": "unknown",
            "monolith_pain": None,
            "unknown_ops": True,
            "services_today": 12,
        }
    )
    data = a.to_dict()
    assert data["ops"] == ["ci_cd", "observability"]
    assert data["scaling"] == "unknown" and data["monolith_pain"] is None
    assert parse_answers(data) == a


def test_it_says_what_is_missing_for_microservices():
    a = parse_answers(MINIMAL | {"ops": ["ci_cd"]})
    assert missing_prerequisites(vars(a)) == (c.Op.OBSERVABILITY, c.Op.CONTAINERS)


@settings(max_examples=300)
@given(answers_strategy())
def test_any_answers_survive_a_round_trip_through_their_json(a):
    assert parse_answers(a.to_dict()) == a
