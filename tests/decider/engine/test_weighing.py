from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decider.engine import choices as c
from decider.engine.recommendation import evaluate
from decider.engine.weighing import MAX_COMPLETIONS, Profile, explained_factors
from tests.decider.engine.helpers import strong
from tests.decider.engine.strategies import answers

ORDERED = {
    "deploy_contention": list(c.Contention),
    "scaling": list(c.Scaling),
    "tech_diversity": list(c.TechDiversity),
    "domain_clarity": list(c.DomainClarity),
    "distributed_experience": list(c.Experience),
}


def score(a) -> float:
    return evaluate(a).score


@settings(max_examples=300)
@given(answers)
def test_the_score_lies_between_minus_one_and_one_and_equals_the_factors_sum(a):
    ev = evaluate(a)
    assert -1 <= ev.score <= 1
    assert sum(f.contribution for f in explained_factors(Profile(a))) == pytest.approx(ev.score)


@settings(max_examples=300)
@given(answers)
def test_the_sign_of_the_score_gives_the_architecture_and_the_best_fit_the_style(a):
    ev = evaluate(a)
    expected = c.Family.MICROSERVICES if ev.score > 0 else c.Family.MONOLITH
    assert ev.architecture == expected
    assert ev.style.family == expected
    assert ev.fits[ev.style] == max(ev.fits.values())
    assert all(0 <= fit <= 1 for fit in ev.fits.values())
    assert ev.runner_up != ev.style


@settings(max_examples=300)
@given(answers, st.integers(c.TEAMS_MIN, c.TEAMS_MAX))
def test_more_teams_never_lower_the_score(a, teams):
    low, high = sorted((a.teams, teams))
    assert score(replace(a, teams=low)) <= score(replace(a, teams=high)) + 1e-12


@settings(max_examples=300)
@given(answers, st.integers(c.PAIN_MIN, c.PAIN_MAX), st.integers(c.PAIN_MIN, c.PAIN_MAX))
def test_more_pain_never_lowers_the_score(a, x, y):
    low, high = sorted((x, y))
    assert score(replace(a, monolith_pain=low)) <= score(replace(a, monolith_pain=high)) + 1e-12


@settings(max_examples=500)
@given(answers, st.sampled_from(sorted(ORDERED)), st.data())
def test_raising_an_ordered_answer_never_lowers_the_score(a, field, data):
    values = ORDERED[field]
    i, j = sorted(data.draw(st.lists(st.integers(0, len(values) - 1), min_size=2, max_size=2)))
    lower = score(replace(a, **{field: values[i]}))
    higher = score(replace(a, **{field: values[j]}))
    assert lower <= higher + 1e-12


@settings(max_examples=300)
@given(answers, st.sampled_from(c.Op))
def test_adding_an_ops_capability_never_lowers_the_score(a, op):
    assert score(replace(a, ops=a.ops - {op})) <= score(replace(a, ops=a.ops | {op})) + 1e-12


@settings(max_examples=300)
@given(answers, st.sampled_from(c.Consistency), st.sampled_from(c.Consistency))
def test_raising_consistency_never_raises_the_score(a, x, y):
    order = list(c.Consistency)
    low, high = sorted((x, y), key=order.index)
    assert score(replace(a, consistency=low)) >= score(replace(a, consistency=high)) - 1e-12


def test_an_unknown_answer_weighs_the_average_of_its_values():
    known = [score(strong(scaling=value)) for value in c.Scaling]
    assert score(strong(scaling=c.UNKNOWN)) == pytest.approx(sum(known) / len(known))


def test_unknown_pain_ranges_over_every_level():
    known = [score(strong(monolith_pain=p)) for p in range(6)]
    assert score(strong(monolith_pain=None)) == pytest.approx(sum(known) / 6)


def test_many_unknowns_are_sampled_deterministically():
    many = strong(
        deploy_contention=c.UNKNOWN,
        scaling=c.UNKNOWN,
        tech_diversity=c.UNKNOWN,
        consistency=c.UNKNOWN,
        monolith_pain=None,
        unknown_ops=True,
    )
    profile = Profile(many)
    assert len(profile.completions(profile.values())) == MAX_COMPLETIONS
    assert evaluate(many) == evaluate(many)


def test_unknown_ops_range_from_what_is_listed_to_everything():
    profile = Profile(strong(ops=frozenset({c.Op.CI_CD}), unknown_ops=True))
    completions = [v["ops"] for v in profile.completions(profile.values())]
    assert completions[0] == {c.Op.CI_CD}
    assert set(c.PREREQUISITES) <= completions[1]
    assert completions[-1] == frozenset(c.Op)
