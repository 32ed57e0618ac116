import json
from pathlib import Path

import pytest

from architectures.antipatterns import catalog, detect, detect_in, registry
from architectures.antipatterns.catalog import order
from architectures.antipatterns.registry import ANSWERS, ARCHITECTURE, RULES, Evidence, rule
from architectures.model import parse_architecture

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "architectures"
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


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_architecture_gets_exactly_its_warnings(name):
    found = detect_in(load(name))
    assert {f.id for f in found} == EXPECTED[name]


def test_every_example_fixture_is_covered():
    assert {p.stem for p in FIXTURES.glob("*.json")} == set(EXPECTED)


def test_the_distributed_monolith_comes_first_then_by_severity_and_catalog_order():
    found = detect_in(load("sync_cycle"))
    assert found[0].id == "distributed-monolith"
    keys = [(-f.severity.rank, order(f.id)) for f in found[1:]]
    assert keys == sorted(keys)


def test_duplicates_are_removed():
    doubled = parse_architecture(
        {
            "components": [{"name": "a", "kind": "service"}, {"name": "b", "kind": "service"}],
            "links": [{"source": "a", "target": "b", "discovery": True}] * 2,
        }
    )
    found = detect_in(doubled)
    assert [f.id for f in found].count("wobbly-service-interaction") == 1


def test_nothing_in_nothing_out():
    assert detect(Evidence()) == []


def test_a_rule_must_name_a_catalog_entry():
    with pytest.raises(KeyError):
        rule("not-in-the-catalog", needs=ARCHITECTURE)


def test_a_rule_that_needs_the_answers_is_skipped_without_them(monkeypatch):
    monkeypatch.setattr(registry, "RULES", [])
    fired = []
    rule("lack-of-monitoring", needs=ANSWERS)(lambda evidence: fired.append(evidence) or [])
    detect(Evidence(architecture=load("clean")))
    assert fired == []
    detect(Evidence(architecture=load("clean"), answers=object()))
    assert len(fired) == 1


def test_every_architecture_entry_of_the_catalog_has_a_registered_detector():
    registered = {r.entry_id for r in RULES}
    assert {e.id for e in catalog() if e.detected_from == "A"} <= registered


def test_the_catalog_knows_every_id_a_detector_can_return():
    ids = {e.id for e in catalog()}
    for name in EXPECTED:
        assert {f.id for f in detect_in(load(name))} <= ids
