from hypothesis import given, settings

from decider.engine import choices as c
from decider.engine.confidence import assess, neighbours
from decider.engine.recommendation import recommend
from decider.engine.weighing import Profile
from tests.decider.engine.helpers import strong
from tests.decider.engine.strategies import answers


def assurance(a):
    profile = Profile(a)
    return assess(profile, profile.evaluate())


def test_a_clear_case_is_robust_and_confident():
    sure = assurance(
        strong(
            teams=1,
            existing_system=c.ExistingSystem.NONE,
            deploy_contention=c.Contention.NEVER,
            scaling=c.Scaling.UNIFORM,
            tech_diversity=c.TechDiversity.NONE,
            monolith_pain=0,
        )
    )
    assert sure.robustness >= 0.9
    assert sure.confidence == c.Confidence.HIGH


def test_a_knife_edge_case_has_low_robustness_and_low_confidence():
    edge = strong(
        teams=6,
        deploy_contention=c.Contention.OFTEN,
        scaling=c.Scaling.MODERATE,
        tech_diversity=c.TechDiversity.NICE_TO_HAVE,
        monolith_pain=3,
        ops=frozenset(c.Op) - {c.Op.ORCHESTRATION},
        domain_clarity=c.DomainClarity.CLEAR,
        failure_isolation=c.Isolation.SOME,
    )
    sure = assurance(edge)
    assert sure.margin < 0.1
    assert sure.confidence != c.Confidence.HIGH


def test_neighbours_move_one_answer_one_step_and_never_what_exists_today():
    profile = Profile(strong(deploy_contention=c.Contention.OFTEN))
    moves = list(neighbours(profile))
    assert {"deploy_contention": c.Contention.RARELY} in moves
    assert {"deploy_contention": c.Contention.CONSTANTLY} in moves
    assert {"monolith_pain": 3} in moves and {"monolith_pain": 5} in moves
    assert all(len(m) == 1 for m in moves)
    assert not any("existing_system" in m for m in moves)
    assert {"teams": 7} in moves and {"teams": 14} in moves


def test_unknown_answers_lower_robustness_through_their_completions():
    known = assurance(strong(teams=6, deploy_contention=c.Contention.OFTEN))
    unsure = assurance(strong(teams=6, deploy_contention=c.UNKNOWN, scaling=c.UNKNOWN))
    assert unsure.robustness <= known.robustness


def test_a_large_organisation_with_ownership_pain_and_no_driver_is_contested():
    ownership = strong(
        teams=30,
        deploy_contention=c.Contention.OFTEN,
        scaling=c.Scaling.MODERATE,
        tech_diversity=c.TechDiversity.NONE,
    )
    sure = assurance(ownership)
    assert sure.contested and "Shopify" in sure.contested[0]
    assert sure.confidence == c.Confidence.LOW


@settings(max_examples=150, deadline=None)
@given(answers)
def test_a_contested_case_is_never_high(a):
    sure = assurance(a)
    assert 0 <= sure.robustness <= 1
    if sure.contested:
        assert sure.confidence != c.Confidence.HIGH


def test_the_result_says_robustness_in_plain_words():
    rec = recommend(strong()).to_dict()["recommendation"]
    assert rec["robustness_summary"].startswith("Holds for ")
    assert "% of nearby answers" in rec["robustness_summary"]
