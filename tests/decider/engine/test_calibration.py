"""The engine against sourced public decisions (fixtures/cases/, see its README)."""

import pytest

from decider.engine.calibration import (
    agreement,
    contested_and_high,
    load_cases,
    movement,
    movements_table,
    run,
)

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
    assert movement(CASES, question).score, f"{question} moves no calibration case"


def test_a_movement_compares_each_case_with_itself_without_the_answer():
    moved = movement(CASES, "services_today")
    assert set(moved.score) <= set(moved.held)
    assert all(case.split(" ")[0] in moved.held for case in moved.verdict)
    held = [case.id for case in CASES if "services_today" in case.answers]
    assert list(moved.held) == held
    without = movement(CASES, "no_such_question")
    assert without.held == without.score == without.verdict == ()


def test_the_movements_table_has_a_row_per_optional_question_the_cases_answer():
    rows = movements_table(CASES).splitlines()[2:]
    named = [row.split("`")[1] for row in rows]
    assert "teams" not in named and "deploy_contention" not in named  # required
    assert set(NEW_QUESTIONS) <= set(named)
