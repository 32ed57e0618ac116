"""Properties of the proposal over random answers and domain graphs."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from architectures.antipatterns import detect_in
from architectures.model import parse_architecture
from decider.engine.choices import Style
from decider.engine.recommendation import evaluate
from decider.proposal.architecture import propose
from tests.decider.engine.strategies import answers

# What the proposal can always avoid, whatever the answers (see ANTIPATTERNS.md). Not
# here: megaservice and chatty-services, which follow from the domains' own calls.
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
    "shared-bounded-context",
}
# Avoidable when Decider chose the teams; with the user's own teams they may well hold.
TEAM_SMELLS = {"tightly-coupled-teams", "single-layer-teams"}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(answers, st.sampled_from(Style))
def test_every_proposal_survives_a_round_trip_through_the_model(a, style):
    architecture = propose(a, style)
    assert parse_architecture(architecture.to_dict()) == architecture


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(answers)
def test_no_recommended_proposal_contains_an_avoidable_anti_pattern(a):
    architecture = propose(a, evaluate(a).style)
    found = {f.id for f in detect_in(architecture)}
    avoidable = AVOIDABLE | (set() if any(d.team for d in a.domains) else TEAM_SMELLS)
    if len(architecture.teams) == 1:
        # One team running more than one deployable owns all of them: true, and unavoidable.
        avoidable -= {"common-ownership"}
    assert not found & avoidable, found & avoidable
