from decider.engine import choices as c
from decider.engine.arguments import points_for
from decider.engine.recommendation import recommend
from decider.engine.weighing import Profile
from tests.decider.engine.helpers import strong


def options(answers) -> dict[str, dict]:
    return {o["style"]: o for o in recommend(answers).to_dict()["recommendation"]["options"]}


def test_pros_and_cons_come_from_the_answers():
    found = options(strong(consistency=c.Consistency.STRICT))
    assert any("ACID" in pro for pro in found["modular_monolith"]["pros"])
    assert any("sagas" in con for con in found["incremental_migration"]["cons"])
    assert any("scales on its own" in pro for pro in found["incremental_migration"]["pros"])
    assert not any("ACID" in pro for pro in options(strong())["monolith"]["pros"])


def test_an_unknown_answer_supports_no_sentence():
    found = options(strong(scaling=c.UNKNOWN))
    assert not any("scales on its own" in p for p in found["incremental_migration"]["pros"])


def test_points_for_a_style_split_into_pros_and_cons():
    profile = Profile(strong(consistency=c.Consistency.STRICT))
    pros, cons = points_for(c.Style.MONOLITH, profile.base, profile.domains)
    assert any("ACID" in p for p in pros)
    assert any("heaviest one" in con for con in cons)
