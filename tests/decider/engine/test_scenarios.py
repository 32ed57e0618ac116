import json
from pathlib import Path

import pytest

from decider.engine import parse_answers, recommend

SCENARIOS = sorted((Path(__file__).parents[3] / "fixtures" / "scenarios").glob("*.json"))


def test_there_are_at_least_twelve_scenarios():
    assert len(SCENARIOS) >= 12


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_the_golden_scenario_gets_its_expected_verdict(path):
    scenario = json.loads(path.read_text())
    result = recommend(parse_answers(scenario["answers"])).to_dict()["recommendation"]
    expected = scenario["expected"]
    assert (result["architecture"], result["style"]) == (
        expected["architecture"],
        expected["style"],
    ), scenario["description"]
