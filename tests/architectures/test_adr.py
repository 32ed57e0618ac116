from datetime import UTC, datetime

from architectures.adr import to_adr
from decider.engine import parse_answers, recommend

ANSWERS = {
    "teams": 8,
    "deploy_contention": "constantly",
    "scaling": "divergent",
    "tech_diversity": "none",
    "monolith_pain": 4,
    "existing_system": "monolith",
    "ops": ["ci_cd", "observability", "containers"],
}


def result() -> dict:
    data = recommend(parse_answers(ANSWERS)).to_dict()
    data["anti_patterns"] = [
        {
            "name": "Local Logging",
            "severity": "medium",
            "message": "No central logs.",
            "remedy": "Aggregate.",
        }
    ]
    return data


def test_it_records_the_decision_with_its_drivers_and_options():
    text = to_adr(result(), created=datetime(2026, 11, 26, tzinfo=UTC), url="http://x/a/1/")
    assert text.startswith("# Incremental migration to microservices for our system")
    assert "* Date: 2026-11-26" in text
    assert 'Chosen option: "Incremental migration to microservices"' in text
    for heading in (
        "## Decision drivers",
        "## Considered options",
        "## What would change this decision",
    ):
        assert heading in text
    assert "Releases constantly wait on another team's" in text
    assert "### Incremental migration to microservices (fit " in text
    assert "* Good, because each part scales on its own." in text
    assert "* Local Logging (medium): No central logs. Remedy: Aggregate." in text


def test_the_drivers_are_ranked_by_weight():
    data = result()
    text = to_adr(data, created=datetime(2026, 1, 1, tzinfo=UTC), url="u")
    top = max(data["factors"], key=lambda f: abs(f["contribution"]))
    drivers = text.split("## Decision drivers")[1].split("##")[0]
    assert drivers.strip().splitlines()[0].startswith(f"* {top['explanation']}")
