"""The engine against sourced public decisions (fixtures/cases/, see its README)."""

import pytest

from decider.engine.answers import parse_answers
from decider.engine.calibration import agreement, contested_and_high, load_cases, run
from decider.engine.recommendation import recommend

CASES = load_cases()
OUTCOMES = run(CASES)
NEW_QUESTIONS = (
    "services_today",
    "failure_isolation",
    "regulated_parts",
    "cost_sensitivity",
    "deploy_frequency",
    "module_boundaries",
    "platform_change",
    "delivery",
    "growth",
    "platform_team",
    "time_to_market",
)


def test_there_are_at_least_thirty_sourced_cases():
    assert len(CASES) >= 30
    for case in CASES:
        assert case.styles and case.confidences, case.id


def test_the_engine_agrees_with_at_least_nine_in_ten_cases_on_all_three():
    shares = agreement(OUTCOMES)
    misses = [o.case.id for o in OUTCOMES if not o.agrees]
    assert shares["all three"] >= 0.9, misses


def test_no_contested_case_is_high():
    assert contested_and_high(OUTCOMES) == []


@pytest.mark.parametrize("question", NEW_QUESTIONS)
def test_every_new_question_moves_at_least_one_case(question):
    moved = []
    for case in CASES:
        if question not in case.answers:
            continue
        without = {k: v for k, v in case.answers.items() if k != question}
        given = recommend(parse_answers(case.answers), with_flips=False).score
        if given != recommend(parse_answers(without), with_flips=False).score:
            moved.append(case.id)
    assert moved, f"{question} moves no calibration case"
