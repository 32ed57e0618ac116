from decider.engine import choices as c
from decider.engine.recommendation import evaluate, recommend
from tests.decider.engine.helpers import strong


def rules(answers) -> dict[str, float]:
    return {
        f.factor: f.contribution for f in recommend(answers).factors if f.factor.startswith("rule_")
    }


def test_it_never_says_microservices_now_without_two_prerequisites():
    answers = strong(ops=frozenset({c.Op.CONTAINERS}))
    assert evaluate(answers).style == c.Style.MODULAR_MONOLITH
    found = next(f for f in recommend(answers).factors if f.factor == "rule_prerequisites")
    assert found.contribution < 0 and "CI/CD" in found.explanation


def test_a_strong_case_one_prerequisite_short_migrates_and_builds_it_first():
    answers = strong(ops=frozenset(c.Op) - {c.Op.OBSERVABILITY})
    rec = recommend(answers)
    assert rec.style == c.Style.INCREMENTAL_MIGRATION
    assert rec.build_first == (c.Op.OBSERVABILITY,)
    assert "platform first: build monitoring and alerting" in rec.summary
    assert rec.confidence != c.Confidence.HIGH  # practitioners disagree here


def test_a_weak_case_one_prerequisite_short_stays_a_modular_monolith_while_it_is_built():
    weak = strong(
        deploy_contention=c.Contention.RARELY,
        scaling=c.Scaling.MODERATE,
        tech_diversity=c.TechDiversity.NONE,
        monolith_pain=2,
        ops=frozenset(c.Op) - {c.Op.OBSERVABILITY},
    )
    rec = recommend(weak)
    assert rec.style == c.Style.MODULAR_MONOLITH
    assert rec.build_first == ()


def test_a_new_product_cannot_build_the_platform_while_migrating():
    answers = strong(existing_system=c.ExistingSystem.NONE, ops=frozenset(c.Op) - {c.Op.CI_CD})
    assert evaluate(answers).architecture == c.Family.MONOLITH


def test_it_keeps_one_team_on_one_deployable():
    answers = strong(teams=1, tech_diversity=c.TechDiversity.NONE)
    assert evaluate(answers).architecture == c.Family.MONOLITH
    assert rules(answers)["rule_one_team"] < 0


def test_one_team_with_a_part_that_must_stay_isolated_may_run_it_apart():
    answers = strong(teams=1, tech_diversity=c.TechDiversity.NONE)
    isolated = strong(teams=1, tech_diversity=c.TechDiversity.NONE, failure_isolation="critical")
    assert "rule_one_team" not in rules(isolated)
    assert evaluate(isolated).score > evaluate(answers).score


def test_it_starts_a_new_product_with_an_unclear_domain_as_a_monolith():
    answers = strong(domain_clarity=c.DomainClarity.UNCLEAR, existing_system=c.ExistingSystem.NONE)
    assert evaluate(answers).architecture == c.Family.MONOLITH
    assert "rule_monolith_first" in rules(answers)
