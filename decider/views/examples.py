"""Example answers to start the questionnaire from: the golden scenarios of
`fixtures/scenarios/`, each a situation people recognise ("a solo startup")."""

import json
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from django.conf import settings

from decider.forms import DEFAULT_DOMAIN_ROWS, DomainFormSet, QuestionnaireForm

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
    if example is None:
        return None
    answers = dict(example.answers)
    rows = [_row(d) for d in answers.pop("domains", [])]
    initial = {name: _shown(value) for name, value in answers.items()}
    domains = DomainFormSet(prefix="domains", initial=rows or DEFAULT_DOMAIN_ROWS)
    return QuestionnaireForm(initial=initial), domains


def _shown(value: Any) -> Any:
    if value is None:
        return "unknown"  # a number answered "don't know"
    return value if isinstance(value, list | bool) else str(value)


def _row(domain: dict[str, Any]) -> dict[str, str]:
    row = {k: v for k, v in domain.items() if isinstance(v, str)}
    for key in ("depends_on", "publishes_to"):
        row[key] = ", ".join(domain.get(key, []))
    return row
