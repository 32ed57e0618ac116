"""Properties of the proposal over random answers and domain graphs."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from architectures.antipatterns.detect import detect
from architectures.model import parse_architecture
from architectures.proposal import propose
from decider.engine.choices import Style
from decider.engine.verdict import weigh
from tests.decider.engine.strategies import answers

# What the proposal can always avoid, whatever the answers (see ANTIPATTERNS.md).
AVOIDABLE = {
    "hardcoded-endpoints",
    "cyclic-dependency",
    "shared-persistence",
    "inappropriate-service-intimacy",
    "no-api-gateway",
    "wobbly-service-interaction",
    "multiple-services-per-deploy-unit",
    "esb-usage",
    "wrong-cuts",
    "common-ownership",
    "tightly-coupled-teams",
    "shared-bounded-context",
    "chatty-services",
    "megaservice",
}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(answers, st.sampled_from(Style))
def test_every_proposal_survives_a_round_trip_through_the_model(a, style):
    architecture = propose(a, style)
    assert parse_architecture(architecture.to_dict()) == architecture


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(answers)
def test_no_recommended_proposal_contains_an_avoidable_anti_pattern(a):
    architecture = propose(a, weigh(a)[0].style)
    found = {f.id for f in detect(answers=None, architecture=architecture)}
    # One team running more than one deployable owns all of them: true, and unavoidable.
    avoidable = AVOIDABLE - {"common-ownership"} if len(architecture.teams) == 1 else AVOIDABLE
    assert not found & avoidable, found & avoidable
