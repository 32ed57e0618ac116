from decider.engine import choices as c
from decider.engine.ask_next import ask_next
from decider.engine.recommendation import recommend
from decider.engine.weighing import Profile
from tests.decider.engine.helpers import strong


def test_no_unknown_answer_means_nothing_to_ask():
    assert ask_next(Profile(strong())) == ()


def test_it_asks_first_for_the_unknown_answer_that_moves_the_advice_most():
    a = strong(
        teams=6,
        deploy_contention=c.UNKNOWN,
        scaling=c.Scaling.MODERATE,
        tech_diversity=c.TechDiversity.NONE,
        monolith_pain=2,
        cost_sensitivity=c.UNKNOWN,
    )
    asked = ask_next(Profile(a))
    assert asked[0] == "deploy_contention"
    assert set(asked) == {"deploy_contention", "cost_sensitivity"}


def test_it_asks_at_most_three_and_names_ops_for_the_ops_flag():
    a = strong(
        deploy_contention=c.UNKNOWN,
        scaling=c.UNKNOWN,
        consistency=c.UNKNOWN,
        growth=c.UNKNOWN,
        unknown_ops=True,
        ops=frozenset(),
    )
    rec = recommend(a)
    assert len(rec.ask_next) == 3
    assert set(rec.ask_next) <= set(rec.unknowns)
    assert "ops" in rec.unknowns
