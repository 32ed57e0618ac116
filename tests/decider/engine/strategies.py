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

TEAM_NAMES = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "S")), min_size=1, max_size=60
)


@st.composite
def domain_graphs(draw: st.DrawFn) -> tuple[Domain, ...]:
    """Random domains: names, loads, optional teams, and sync and async links among them."""
    names = draw(
        st.lists(
            st.from_regex(r"[a-z][a-z0-9 _-]{0,12}", fullmatch=True).map(str.strip).filter(bool),
            min_size=1,
            max_size=12,
            unique=True,
        )
    )
    # Only what the engine accepts: parse_answers refuses non-printable team names.
    names_ok = TEAM_NAMES.map(str.strip).filter(lambda t: bool(t) and t.isprintable())
    teams = draw(st.lists(names_ok, min_size=1, max_size=4))
    domains = []
    for name in names:
        others = [n for n in names if n != name]
        links = (
            st.lists(st.sampled_from(others), unique=True, max_size=3) if others else st.just([])
        )
        domains.append(
            Domain(
                name,
                load=draw(st.sampled_from(c.Load)),
                team=draw(st.none() | st.sampled_from(teams)),
                depends_on=tuple(draw(links)),
                publishes_to=tuple(draw(links)),
            )
        )
    return tuple(domains)


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
    domains=st.sampled_from(DOMAIN_SETS) | domain_graphs(),
    practices=st.frozensets(st.sampled_from(c.Practice)),
    org=st.frozensets(st.sampled_from(c.OrgTrait)),
)
