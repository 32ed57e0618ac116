"""Hypothesis strategies over the whole answer space, derived from the question table."""

from hypothesis import strategies as st

from decider.engine import choices as c
from decider.engine.answers import Answers, Domain
from decider.engine.questions import QUESTIONS, Kind, Question

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


def answer_values(question: Question, *, unknowns: bool) -> st.SearchStrategy:
    """Every value `question` accepts (with "don't know" when `unknowns`)."""
    if question.kind is Kind.SET:
        return st.frozensets(st.sampled_from(question.values))
    if question.kind is Kind.NUMBER:
        values = st.integers(*question.bounds)
    else:
        values = st.sampled_from(question.values)
    if question.unknown and unknowns and question.kind is Kind.CHOICE:
        values |= st.just(c.UNKNOWN)
    number_unknown = question.kind is Kind.NUMBER and question.unknown and unknowns
    if number_unknown or (not question.required and question.default is None):
        values |= st.none()
    return values


def answers_strategy(*, unknowns: bool = True) -> st.SearchStrategy:
    fields = {q.name: answer_values(q, unknowns=unknowns) for q in QUESTIONS}
    if unknowns:
        fields["unknown_ops"] = st.booleans()
    fields["domains"] = st.sampled_from(DOMAIN_SETS) | domain_graphs()
    return st.builds(Answers, **fields)


answers = answers_strategy()
known_answers = answers_strategy(unknowns=False)
