"""Hypothesis strategies over the whole answer space."""

from hypothesis import strategies as st

from decider.engine import choices as c
from decider.engine.answers import Answers, Domain

DOMAIN_SETS = (
    tuple(Domain(n) for n in c.DEFAULT_DOMAINS),
    (Domain("billing"),),
    (Domain("a", depends_on=("b",)), Domain("b", depends_on=("a",)), Domain("c")),
    tuple(Domain(f"d{i}", load=c.Load.HIGH if i % 2 else c.Load.LOW) for i in range(7)),
)

answers = st.builds(
    Answers,
    teams=st.integers(c.TEAMS_MIN, c.TEAMS_MAX),
    deploy_contention=st.sampled_from(c.Contention),
    scaling=st.sampled_from(c.Scaling),
    tech_diversity=st.sampled_from(c.TechDiversity),
    monolith_pain=st.integers(c.PAIN_MIN, c.PAIN_MAX),
    existing_system=st.sampled_from(c.ExistingSystem),
    developers=st.none() | st.integers(c.DEVELOPERS_MIN, c.DEVELOPERS_MAX),
    codebase_kloc=st.none() | st.integers(c.KLOC_MIN, c.KLOC_MAX),
    ops=st.frozensets(st.sampled_from(c.Op)),
    distributed_experience=st.sampled_from(c.Experience),
    consistency=st.sampled_from(c.Consistency),
    domain_clarity=st.sampled_from(c.DomainClarity),
    domains=st.sampled_from(DOMAIN_SETS),
    practices=st.frozensets(st.sampled_from(c.Practice)),
    org=st.frozensets(st.sampled_from(c.OrgTrait)),
)
