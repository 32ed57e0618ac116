from dataclasses import replace

from decider.engine import choices as c
from decider.engine.recommendation import evaluate, recommend
from tests.decider.engine.helpers import strong


def options(answers) -> dict[str, dict]:
    return {o["style"]: o for o in recommend(answers).to_dict()["recommendation"]["options"]}


def test_the_four_options_are_compared_best_first_and_the_verdict_is_the_best():
    data = recommend(strong()).to_dict()["recommendation"]
    fits = [o["fit"] for o in data["options"]]
    assert [o["style"] for o in data["options"]][0] == data["style"]
    assert fits == sorted(fits, reverse=True)
    assert {o["style"] for o in data["options"]} == {str(s) for s in c.Style}
    assert data["runner_up"] == data["options"][1]["style"]


def test_an_existing_monolith_migrates_and_is_never_rewritten_in_one_go():
    found = options(strong())
    assert found["incremental_migration"]["fit"] > found["microservices"]["fit"]
    assert any("rewrite" in con for con in found["microservices"]["cons"])


def test_a_large_organisation_with_ownership_pain_only_gets_a_modular_monolith():
    ownership = strong(
        teams=40,
        deploy_contention=c.Contention.OFTEN,
        scaling=c.Scaling.UNIFORM,
        tech_diversity=c.TechDiversity.NONE,
        consistency=c.Consistency.STRICT,
        deploy_frequency=c.DeployFrequency.ON_DEMAND,
    )
    assert evaluate(ownership).style == c.Style.MODULAR_MONOLITH


def test_contention_that_persists_after_enforced_modularity_tips_towards_migration():
    base = strong(
        teams=12,
        deploy_contention=c.Contention.OFTEN,
        scaling=c.Scaling.MODERATE,
        tech_diversity=c.TechDiversity.NONE,
        monolith_pain=3,
    )
    untried = evaluate(replace(base, module_boundaries=c.ModuleBoundaries.NONE))
    tried = evaluate(replace(base, module_boundaries=c.ModuleBoundaries.ENFORCED))
    assert tried.score > untried.score
    assert tried.style == c.Style.INCREMENTAL_MIGRATION


def test_a_small_team_on_a_young_codebase_gets_a_plain_monolith():
    solo = strong(
        teams=1,
        existing_system=c.ExistingSystem.NONE,
        deploy_contention=c.Contention.NEVER,
        scaling=c.Scaling.UNIFORM,
        tech_diversity=c.TechDiversity.NONE,
        monolith_pain=0,
    )
    assert evaluate(solo).style == c.Style.MONOLITH
