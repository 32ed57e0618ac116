"""Example answers to start the questionnaire from: the golden scenarios of
`fixtures/scenarios/`, each a situation people recognise ("a solo startup")."""

import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from django.conf import settings

from decider.forms import prefilled_questionnaire

SCENARIOS_DIR = Path(settings.BASE_DIR) / "fixtures" / "scenarios"


class Example(NamedTuple):
    slug: str
    title: str
    description: str
    answers: dict[str, Any]


@cache
def examples() -> dict[str, Example]:
    found = {}
    for path in sorted(SCENARIOS_DIR.glob("*.json")):
        data = json.loads(path.read_text())
        title = data["name"].replace("-", " ").capitalize()
        found[path.stem] = Example(path.stem, title, data["description"], data["answers"])
    return found


def example_forms(slug: str) -> tuple[Any, Any] | None:
    """Unbound forms showing the example's answers, or None for an unknown example."""
    example = examples().get(slug)
    return None if example is None else prefilled_questionnaire(example.answers)
