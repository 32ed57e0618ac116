import json
from pathlib import Path

from architectures.antipatterns import catalog
from architectures.antipatterns.registry import RULES
from architectures.model import parse_architecture
from decider.engine.answers import parse_answers
from decider.proposal import assessment_findings

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "architectures"


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


def test_the_clean_architecture_stays_clean_with_good_answers():
    good = answers(
        ops=["ci_cd", "containers", "observability", "central_logging"],
        practices=["api_versioning", "service_template"],
    )
    assert assessment_findings(good, load("clean"), leans_microservices=True) == []


def test_answers_alone_give_the_questionnaire_findings():
    bad = answers(ops=[], org=["release_train", "manual_qa", "trend_driven"])
    found = assessment_findings(bad, None, leans_microservices=False)
    assert {f.id for f in found} == {
        "legacy-organization",
        "lack-of-monitoring",
        "no-devops-tools",
        "focus-on-latest-technologies",
    }
    assert all(f.elements == () for f in found)


def test_the_answers_add_their_signals_to_the_distributed_monolith():
    shared = parse_architecture(
        {
            "components": [
                {"name": "a", "kind": "service"},
                {"name": "b", "kind": "service"},
                {"name": "x", "kind": "service"},
                {"name": "db", "kind": "datastore"},
            ],
            "links": [
                {"source": "a", "target": "db"},
                {"source": "b", "target": "db"},
                {"source": "a", "target": "x"},
                {"source": "x", "target": "b"},
            ],
        }
    )
    calm = assessment_findings(answers(), shared, leans_microservices=True)
    coupled = assessment_findings(
        answers(org=["lockstep_deploys"]), shared, leans_microservices=True
    )
    assert "distributed-monolith" not in {f.id for f in calm}
    assert coupled[0].id == "distributed-monolith"


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
    assert assessment_findings(one_team, monolith, leans_microservices=False) == []


def test_every_catalog_entry_has_a_registered_detector():
    assert {e.id for e in catalog()} == {r.entry_id for r in RULES}
