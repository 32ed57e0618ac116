from hypothesis import given, settings

from decider.assessments import new_assessment
from decider.comparison import Comparison
from tests.decider.engine.strategies import known_answers


@settings(max_examples=60)
@given(known_answers, known_answers)
def test_a_comparison_lists_exactly_the_answers_that_differ_and_says_if_the_verdict_moved(a, b):
    before, after = new_assessment(answers=a), new_assessment(answers=b)
    comparison = Comparison(before, after)
    differ = {k for k, v in before.answers.items() if after.answers.get(k) != v}
    assert {row["field"] for row in comparison.answers} == differ
    moved = before.result["recommendation"]["style"] != after.result["recommendation"]["style"]
    assert comparison.verdict["moved"] is moved
    assert comparison.explanation.startswith("The verdict moved" if moved else "The verdict stayed")
    for row in comparison.factors:
        assert abs(row["contribution"] - (row["after"] - row["before"])) < 0.0011


@settings(max_examples=30)
@given(known_answers)
def test_an_assessment_compared_with_itself_changed_nothing(a):
    comparison = Comparison(new_assessment(answers=a), new_assessment(answers=a))
    assert comparison.answers == []
    assert comparison.explanation.endswith("no factor's contribution changed.")
