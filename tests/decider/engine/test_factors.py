import itertools

from decider.engine import choices as c
from decider.engine.answers import Answers, Domain
from decider.engine.factors import MAX_NEGATIVE, MAX_POSITIVE, NORM, score_factors
from decider.engine.sources import Source


def extreme(sign: int) -> Answers:
    towards = sign > 0
    return Answers(
        teams=1000 if towards else 1,
        developers=5000 if towards else 3,
        deploy_contention=c.Contention.CONSTANTLY if towards else c.Contention.NEVER,
        scaling=c.Scaling.DIVERGENT if towards else c.Scaling.UNIFORM,
        tech_diversity=c.TechDiversity.REQUIRED if towards else c.TechDiversity.NONE,
        monolith_pain=5 if towards else 0,
        existing_system=c.ExistingSystem.MICROSERVICES if towards else c.ExistingSystem.NONE,
        codebase_kloc=5000 if towards else 1,
        ops=frozenset(c.Op) if towards else frozenset(),
        distributed_experience=c.Experience.STRONG if towards else c.Experience.NONE,
        consistency=c.Consistency.RELAXED if towards else c.Consistency.STRICT,
        domain_clarity=c.DomainClarity.CLEAR if towards else c.DomainClarity.UNCLEAR,
        domains=(Domain("a"), Domain("b"))
        if towards
        else (Domain("a", depends_on=("b",)), Domain("b", depends_on=("a",))),
        practices=frozenset(c.Practice) if towards else frozenset(),
        org=frozenset()
        if towards
        else frozenset({c.OrgTrait.TREND_DRIVEN, c.OrgTrait.LOCKSTEP_DEPLOYS}),
    )


def test_the_declared_bounds_are_reached_by_the_extreme_answers():
    top = sum(f.contribution for f in score_factors(extreme(+1)))
    bottom = sum(f.contribution for f in score_factors(extreme(-1)))
    assert abs(top - MAX_POSITIVE / NORM) < 1e-9
    assert abs(bottom + MAX_NEGATIVE / NORM) < 0.15 / NORM + 1e-9
    assert bottom >= -1 and top <= 1


def test_every_factor_names_a_source_and_explains_itself():
    for factor in itertools.chain(score_factors(extreme(+1)), score_factors(extreme(-1))):
        assert isinstance(factor.source, Source)
        assert factor.explanation.endswith(".")
        assert len(factor.explanation.split()) >= 4


def test_every_answer_field_has_a_factor():
    names = {f.factor for f in score_factors(extreme(+1))}
    fields = set(Answers.__dataclass_fields__)
    assert fields == names


def test_explanations_name_the_answer_behind_them():
    factors = {f.factor: f for f in score_factors(extreme(+1))}
    assert "1000 teams" in factors["teams"].explanation
    assert "5/5" in factors["monolith_pain"].explanation
    assert "5,000 engineers" in factors["developers"].explanation
