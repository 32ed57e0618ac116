import itertools
from dataclasses import replace

from decider.engine import choices as c
from decider.engine.answers import Domain
from decider.engine.factors import DEFINITIONS, MAX_NEGATIVE, MAX_POSITIVE, NORM
from decider.engine.questions import QUESTIONS, Kind
from decider.engine.sources import Source
from decider.engine.weighing import Profile, explained_factors
from tests.decider.engine.helpers import strong


def extreme(sign: int):
    towards = sign > 0
    return strong(
        teams=1000 if towards else 1,
        developers=5000 if towards else 3,
        deploy_contention=c.Contention.CONSTANTLY if towards else c.Contention.NEVER,
        scaling=c.Scaling.DIVERGENT if towards else c.Scaling.UNIFORM,
        tech_diversity=c.TechDiversity.REQUIRED if towards else c.TechDiversity.NONE,
        monolith_pain=5 if towards else 0,
        existing_system=c.ExistingSystem.MONOLITH if towards else c.ExistingSystem.NONE,
        codebase_kloc=5000 if towards else 1,
        ops=frozenset(c.Op) if towards else frozenset(),
        distributed_experience=c.Experience.STRONG if towards else c.Experience.NONE,
        consistency=c.Consistency.RELAXED if towards else c.Consistency.STRICT,
        domain_clarity=c.DomainClarity.CLEAR if towards else c.DomainClarity.UNCLEAR,
        domains=(Domain("a"), Domain("b"))
        if towards
        else (Domain("a", depends_on=("b",)), Domain("b", depends_on=("a",))),
        practices=frozenset(c.Practice) if towards else frozenset(),
        org=frozenset() if towards else frozenset(c.OrgTrait),
        failure_isolation=c.Isolation.CRITICAL if towards else c.Isolation.NONE,
        regulated_parts=c.Regulation.SOME if towards else c.Regulation.NONE,
        cost_sensitivity=c.CostSensitivity.LOW if towards else c.CostSensitivity.HIGH,
        deploy_frequency=c.DeployFrequency.MONTHLY,
        module_boundaries=c.ModuleBoundaries.ENFORCED,
        platform_change=c.PlatformChange.FORCED if towards else c.PlatformChange.NONE,
        delivery=c.Delivery.HOSTED if towards else c.Delivery.SHIPPED,
        growth=c.Growth.RAPID if towards else c.Growth.STABLE,
        platform_team=c.PlatformTeam.DEDICATED if towards else c.PlatformTeam.NONE,
        time_to_market=c.TimeToMarket.NORMAL if towards else c.TimeToMarket.HIGH,
        services_today=None if towards else 100,
    )


def weighed(answers) -> list:
    return [f for f in explained_factors(Profile(answers)) if not f.factor.startswith("rule_")]


def test_the_normaliser_comes_from_the_declared_bounds():
    assert sum(d.bounds[1] for d in DEFINITIONS) == MAX_POSITIVE
    assert -sum(d.bounds[0] for d in DEFINITIONS) == MAX_NEGATIVE
    assert max(MAX_POSITIVE, MAX_NEGATIVE) == NORM


def test_no_factor_leaves_its_declared_bounds():
    for answers in (extreme(+1), extreme(-1), strong()):
        for factor in weighed(answers):
            low, high = next(d.bounds for d in DEFINITIONS if d.name == factor.factor)
            assert low / NORM - 1e-9 <= factor.contribution <= high / NORM + 1e-9, factor


def test_the_extremes_come_close_to_the_bounds():
    top = sum(f.contribution for f in weighed(extreme(+1)))
    bottom = sum(f.contribution for f in weighed(extreme(-1)))
    assert top > 0.8 * MAX_POSITIVE / NORM
    assert bottom < -0.8 * MAX_NEGATIVE / NORM
    assert bottom >= -1 and top <= 1


def test_every_factor_names_a_source_and_a_label_and_explains_itself():
    for factor in itertools.chain(weighed(extreme(+1)), weighed(extreme(-1))):
        assert isinstance(factor.source, Source)
        assert factor.label
        assert factor.explanation.endswith(".")
        assert len(factor.explanation.split()) >= 4


def _varied(question):
    if question.kind is Kind.SET:
        return [frozenset(), frozenset(question.values)]
    if question.kind is Kind.NUMBER:
        low, high = question.bounds
        return [low, 2, high]
    return [None, *question.values]


def test_every_question_and_every_trait_moves_the_weighing():
    contexts = [
        strong(),
        strong(teams=3, developers=20, services_today=30, deploy_contention=c.Contention.OFTEN),
    ]
    for question in QUESTIONS:
        totals = {
            round(sum(f.contribution for f in weighed(replace(ctx, **{question.name: value}))), 9)
            for ctx in contexts
            for value in _varied(question)
            if value is not None or (question.default is None and not question.required)
        }
        assert len(totals) > 2, question.name
    for trait in c.OrgTrait:
        assert sum(f.contribution for f in weighed(strong(org=frozenset({trait})))) < sum(
            f.contribution for f in weighed(strong())
        ), trait


def test_explanations_name_the_answer_behind_them():
    factors = {f.factor: f for f in weighed(extreme(+1))}
    assert "1000 teams" in factors["teams"].explanation
    assert "5/5" in factors["monolith_pain"].explanation
    assert "5,000 engineers" in factors["developers"].explanation
    low = {f.factor: f for f in weighed(extreme(-1))}
    assert "100 services today" in low["services_today"].explanation


def test_readiness_alone_never_pushes_towards_services():
    ready = strong(
        deploy_contention=c.Contention.NEVER,
        scaling=c.Scaling.UNIFORM,
        tech_diversity=c.TechDiversity.NONE,
        monolith_pain=0,
        distributed_experience=c.Experience.STRONG,
        practices=frozenset(c.Practice),
        platform_team=c.PlatformTeam.DEDICATED,
    )
    assert all(f.contribution <= 0 for f in weighed(ready))


def test_the_size_of_the_organisation_scales_a_problem_and_is_no_reason_of_its_own():
    def contention(teams, level):
        factors = weighed(strong(teams=teams, deploy_contention=level))
        return next(f.contribution for f in factors if f.factor == "deploy_contention")

    assert contention(40, c.Contention.NEVER) == 0
    assert contention(40, c.Contention.OFTEN) > contention(4, c.Contention.OFTEN) > 0


def test_an_unknown_answer_weighs_its_average_and_says_so():
    factors = {f.factor: f for f in weighed(strong(scaling=c.UNKNOWN))}
    known = [
        {f.factor: f for f in weighed(strong(scaling=s))}["scaling"].contribution for s in c.Scaling
    ]
    assert factors["scaling"].contribution == sum(known) / len(known)
    assert factors["scaling"].explanation.startswith("Not known")
