"""The decision engine: pure Python, no Django import (a test proves it).

`parse_answers` turns a plain dict into validated `Answers`; `recommend` scores them.
"""

from decider.engine.answers import Answers, AnswersInvalid, Domain, parse_answers
from decider.engine.recommendation import Recommendation, recommend

__all__ = [
    "Answers",
    "AnswersInvalid",
    "Domain",
    "Recommendation",
    "parse_answers",
    "recommend",
]
