from dataclasses import replace

from decider.engine import choices as c
from decider.engine.flips import find_flips, runner_up_change
from decider.engine.recommendation import evaluate
from decider.engine.weighing import Profile
from tests.decider.engine.helpers import strong

CLOSE_CALL = strong(
    teams=6,
    deploy_contention=c.Contention.OFTEN,
    scaling=c.Scaling.DIVERGENT,
    tech_diversity=c.TechDiversity.NONE,
    monolith_pain=2,
    ops=frozenset(c.PREREQUISITES),
    domain_clarity=c.DomainClarity.PARTIAL,
)


def flips(a):
    profile = Profile(a)
    return find_flips(profile, profile.evaluate())


def test_each_one_field_flip_really_changes_the_architecture():
    before = evaluate(CLOSE_CALL)
    found = flips(CLOSE_CALL)
    assert found
    for flip in found:
        assert len(flip.changes) == 1
        change = flip.changes[0]
        after = evaluate(replace(CLOSE_CALL, **{change.field: change.value}))
        assert after.architecture != before.architecture
        assert after.architecture == flip.outcome.architecture


def test_it_offers_the_nearest_team_count_that_flips():
    flip = next(f for f in flips(CLOSE_CALL) if f.changes[0].field == "teams")
    assert flip.changes[0].value == 4
    assert flip.to_dict()["changes"] == {"teams": 4}
    assert "4 teams instead of 6" in flip.description


def test_what_exists_today_is_never_offered_as_a_change():
    assert not any(f.changes[0].field == "existing_system" for f in flips(CLOSE_CALL))


def test_it_looks_for_pairs_when_no_single_answer_flips():
    a = replace(CLOSE_CALL, ops=frozenset(), teams=4)
    found = flips(a)
    assert found and all(len(f.changes) == 2 for f in found)
    before = evaluate(a)
    for flip in found:
        after = evaluate(replace(a, **{ch.field: ch.value for ch in flip.changes}))
        assert after.architecture != before.architecture


def test_the_runner_up_change_makes_the_runner_up_win():
    profile = Profile(CLOSE_CALL)
    evaluation = profile.evaluate()
    change = runner_up_change(profile, evaluation)
    assert change is not None
    changed = replace(CLOSE_CALL, **{ch.field: ch.value for ch in change.changes})
    assert evaluate(changed).style == evaluation.runner_up


def test_an_unknown_answer_can_be_what_flips():
    a = replace(CLOSE_CALL, scaling=c.UNKNOWN)
    labels = [f.description for f in flips(a)]
    assert "If scaling were known to be 'divergent': incremental migration." in labels
