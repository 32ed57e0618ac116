from dataclasses import replace

from decider.engine import choices as c
from decider.engine.answers import Answers
from decider.engine.flips import find_flips
from decider.engine.verdict import weigh

CLOSE_CALL = Answers(
    teams=4,
    deploy_contention=c.Contention.OFTEN,
    scaling=c.Scaling.MODERATE,
    tech_diversity=c.TechDiversity.NONE,
    monolith_pain=2,
    ops=frozenset(c.PREREQUISITES),
)


def test_each_one_field_flip_really_changes_the_architecture():
    verdict, _ = weigh(CLOSE_CALL)
    flips = find_flips(CLOSE_CALL, verdict)
    assert flips
    for flip in flips:
        assert len(flip.changes) == 1
        change = flip.changes[0]
        changed, _ = weigh(replace(CLOSE_CALL, **{change.field: change.value}))
        assert changed.architecture != verdict.architecture
        assert changed.architecture == flip.verdict.architecture


def test_it_offers_the_nearest_team_count_that_flips():
    verdict, _ = weigh(CLOSE_CALL)
    flip = next(f for f in find_flips(CLOSE_CALL, verdict) if f.changes[0].field == "teams")
    assert flip.changes[0].value == 3
    assert flip.to_dict()["changes"] == {"teams": 3}
    assert "3 teams instead of 4" in flip.description


def test_removing_a_prerequisite_is_a_flip_of_a_microservices_verdict():
    verdict, _ = weigh(CLOSE_CALL)
    assert verdict.architecture == c.Architecture.MICROSERVICES
    ops_flip = next(f for f in find_flips(CLOSE_CALL, verdict) if f.changes[0].field == "ops")
    assert set(ops_flip.to_dict()["changes"]["ops"]) < {str(op) for op in c.PREREQUISITES}


def test_it_looks_for_pairs_when_no_single_answer_flips():
    a = replace(CLOSE_CALL, ops=frozenset(), teams=2)
    verdict, _ = weigh(a)
    flips = find_flips(a, verdict)
    assert flips and all(len(f.changes) == 2 for f in flips)
    for flip in flips:
        changed, _ = weigh(replace(a, **{ch.field: ch.value for ch in flip.changes}))
        assert changed.architecture != verdict.architecture
