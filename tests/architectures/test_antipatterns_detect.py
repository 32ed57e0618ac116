import json
from pathlib import Path

import pytest

from architectures.antipatterns import catalog, detect
from architectures.antipatterns.catalog import order
from architectures.model import parse_architecture
from decider.engine.answers import parse_answers

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "architectures"
EXPECTED = {
    "clean": set(),
    "shared_database": {
        "shared-persistence",
        "inappropriate-service-intimacy",
        "shared-bounded-context",
    },
    "sync_cycle": {
        "distributed-monolith",
        "hardcoded-endpoints",
        "cyclic-dependency",
        "shared-persistence",
        "wobbly-service-interaction",
        "multiple-services-per-deploy-unit",
    },
    "no_gateway": {"no-api-gateway"},
    "esb": {"esb-usage", "wobbly-service-interaction"},
    "layer_cuts": {"wrong-cuts", "tightly-coupled-teams", "single-layer-teams"},
    "one_team": {"common-ownership", "too-many-technologies", "microservice-greedy"},
    "coupled_teams": {"shared-persistence", "tightly-coupled-teams", "shared-bounded-context"},
    "chatty": {"chatty-services", "megaservice"},
}


def load(name):
    return parse_architecture(json.loads((FIXTURES / f"{name}.json").read_text()))


def answers(**overrides):
    base = {
        "teams": 4,
        "deploy_contention": "often",
        "scaling": "moderate",
        "tech_diversity": "none",
        "monolith_pain": 2,
    }
    return parse_answers(base | overrides)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_architecture_gets_exactly_its_warnings(name):
    found = detect(answers=None, architecture=load(name))
    assert {f.id for f in found} == EXPECTED[name]


def test_every_example_fixture_is_covered():
    assert {p.stem for p in FIXTURES.glob("*.json")} == set(EXPECTED)


def test_the_clean_architecture_stays_clean_with_good_answers():
    good = answers(
        ops=["ci_cd", "containers", "observability", "central_logging"],
        practices=["api_versioning", "service_template"],
    )
    assert detect(answers=good, architecture=load("clean"), leans_microservices=True) == []


def test_the_distributed_monolith_comes_first_then_by_severity_and_catalog_order():
    found = detect(answers=None, architecture=load("sync_cycle"))
    assert found[0].id == "distributed-monolith"
    keys = [(-f.severity.rank, order(f.id)) for f in found[1:]]
    assert keys == sorted(keys)


def test_answers_alone_give_the_questionnaire_findings():
    bad = answers(ops=[], org=["release_train", "manual_qa", "trend_driven"])
    ids = {f.id for f in detect(answers=bad, architecture=None)}
    assert ids == {
        "legacy-organization",
        "lack-of-monitoring",
        "no-devops-tools",
        "focus-on-latest-technologies",
    }
    assert all(f.elements == () for f in detect(answers=bad, architecture=None))


def test_a_monolith_proposal_gets_no_service_count_warnings():
    monolith = parse_architecture(
        {
            "components": [
                {"name": "web", "kind": "client"},
                {"name": "application", "kind": "service", "team": "core"},
                {"name": "database", "kind": "datastore", "team": "core"},
            ],
            "links": [
                {"source": "web", "target": "application"},
                {"source": "application", "target": "database"},
            ],
        }
    )
    one_team = answers(teams=1, ops=["ci_cd", "observability", "containers"])
    assert detect(answers=one_team, architecture=monolith) == []


def test_duplicates_are_removed():
    doubled = parse_architecture(
        {
            "components": [{"name": "a", "kind": "service"}, {"name": "b", "kind": "service"}],
            "links": [{"source": "a", "target": "b", "discovery": True}] * 2,
        }
    )
    found = detect(answers=None, architecture=doubled)
    assert [f.id for f in found].count("wobbly-service-interaction") == 1


def test_nothing_in_nothing_out():
    assert detect(answers=None, architecture=None) == []


def test_the_catalog_knows_every_id_a_detector_can_return():
    ids = {e.id for e in catalog()}
    for name in EXPECTED:
        assert {f.id for f in detect(answers=None, architecture=load(name))} <= ids
