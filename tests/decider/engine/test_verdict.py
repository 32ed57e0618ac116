from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decider.engine import choices as c
from decider.engine.verdict import weigh
from tests.decider.engine.strategies import answers

ORDERED = {
    "deploy_contention": list(c.Contention),
    "scaling": list(c.Scaling),
    "tech_diversity": list(c.TechDiversity),
    "domain_clarity": list(c.DomainClarity),
    "distributed_experience": list(c.Experience),
}


def score(a) -> float:
    return weigh(a)[0].score


@settings(max_examples=400)
@given(answers)
def test_the_score_lies_between_minus_one_and_one_and_equals_the_sum(a):
    verdict, factors = weigh(a)
    assert -1 <= verdict.score <= 1
    assert sum(f.contribution for f in factors) == pytest.approx(verdict.score)


@settings(max_examples=400)
@given(answers)
def test_the_sign_of_the_score_gives_the_architecture(a):
    verdict, _ = weigh(a)
    expected = c.Architecture.MICROSERVICES if verdict.score > 0 else c.Architecture.MONOLITH
    assert verdict.architecture == expected
    if verdict.architecture == c.Architecture.MONOLITH:
        assert verdict.style in (c.Style.MONOLITH, c.Style.MODULAR_MONOLITH)
    else:
        assert verdict.style in (c.Style.MICROSERVICES, c.Style.INCREMENTAL_MIGRATION)


@settings(max_examples=400)
@given(answers, st.integers(c.TEAMS_MIN, c.TEAMS_MAX))
def test_more_teams_never_lower_the_score(a, teams):
    low, high = sorted((a.teams, teams))
    assert score(replace(a, teams=low)) <= score(replace(a, teams=high)) + 1e-12


@settings(max_examples=400)
@given(answers, st.integers(c.PAIN_MIN, c.PAIN_MAX))
def test_more_pain_never_lowers_the_score(a, pain):
    low, high = sorted((a.monolith_pain, pain))
    assert score(replace(a, monolith_pain=low)) <= score(replace(a, monolith_pain=high)) + 1e-12


@settings(max_examples=600)
@given(answers, st.sampled_from(sorted(ORDERED)), st.data())
def test_raising_an_ordered_answer_never_lowers_the_score(a, field, data):
    values = ORDERED[field]
    i, j = sorted(data.draw(st.lists(st.integers(0, len(values) - 1), min_size=2, max_size=2)))
    lower = score(replace(a, **{field: values[i]}))
    higher = score(replace(a, **{field: values[j]}))
    assert lower <= higher + 1e-12


@settings(max_examples=400)
@given(answers, st.sampled_from(c.Op))
def test_adding_an_ops_capability_never_lowers_the_score(a, op):
    assert score(replace(a, ops=a.ops - {op})) <= score(replace(a, ops=a.ops | {op})) + 1e-12


@settings(max_examples=400)
@given(answers, st.sampled_from(c.Consistency), st.sampled_from(c.Consistency))
def test_raising_consistency_never_raises_the_score(a, x, y):
    order = list(c.Consistency)
    low, high = sorted((x, y), key=order.index)
    assert score(replace(a, consistency=low)) >= score(replace(a, consistency=high)) - 1e-12


def _answers(**overrides):
    base = {
        "teams": 10,
        "deploy_contention": c.Contention.CONSTANTLY,
        "scaling": c.Scaling.DIVERGENT,
        "tech_diversity": c.TechDiversity.REQUIRED,
        "monolith_pain": 4,
        "ops": frozenset(c.Op),
        "domain_clarity": c.DomainClarity.CLEAR,
    }
    from decider.engine.answers import Answers

    return Answers(**(base | overrides))


def test_it_never_says_microservices_now_without_the_prerequisites():
    verdict, factors = weigh(_answers(ops=frozenset({c.Op.CONTAINERS})))
    assert verdict.architecture == c.Architecture.MONOLITH
    assert verdict.style == c.Style.MODULAR_MONOLITH
    rule = next(f for f in factors if f.factor == "rule_prerequisites")
    assert rule.contribution < 0
    assert "CI/CD" in rule.explanation


def test_it_keeps_one_team_on_one_deployable():
    verdict, factors = weigh(_answers(teams=1, tech_diversity=c.TechDiversity.NONE))
    assert verdict.architecture == c.Architecture.MONOLITH
    assert any(f.factor == "rule_one_team" and f.contribution < 0 for f in factors)


def test_it_starts_a_new_product_with_an_unclear_domain_as_a_monolith():
    a = _answers(domain_clarity=c.DomainClarity.UNCLEAR, existing_system=c.ExistingSystem.NONE)
    verdict, factors = weigh(a)
    assert verdict.architecture == c.Architecture.MONOLITH
    assert any(f.factor == "rule_monolith_first" for f in factors)


def test_it_migrates_an_existing_monolith_incrementally():
    verdict, _ = weigh(_answers(existing_system=c.ExistingSystem.MONOLITH))
    assert verdict.style == c.Style.INCREMENTAL_MIGRATION


def test_confidence_follows_the_margin():
    strong, _ = weigh(_answers())
    assert strong.confidence == c.Confidence.HIGH
    gated, _ = weigh(_answers(ops=frozenset()))
    assert gated.confidence == c.Confidence.LOW
