"""The words people read for the engine's values: styles, questions, operations."""

from django import template

from decider.engine.choices import LABELS, STYLE_LABELS
from decider.engine.questions import BY_NAME

register = template.Library()


@register.filter
def style_label(style: str) -> str:
    return STYLE_LABELS.get(style, style.replace("_", " ").capitalize())


@register.filter
def humanize_field(name: str) -> str:
    return name.removeprefix("rule_").replace("_", " ")


@register.filter
def question_label(name: str) -> str:
    """The question as asked, for an answer's field name."""
    question = BY_NAME.get(name)
    return question.label.rstrip("?") if question else name.replace("_", " ")


@register.filter
def op_label(op: str) -> str:
    return LABELS.get(op, op)


GLOSSARY_ANCHORS = {
    "monolith": "monolith",
    "modular_monolith": "modular-monolith",
    "microservices": "microservice",
    "incremental_migration": "strangler-fig",
}


@register.filter
def glossary_anchor(style: str) -> str:
    """The glossary entry that explains a recommended style."""
    return GLOSSARY_ANCHORS.get(style, "")


@register.filter
def answer_value(value: object) -> str:
    """An answer as a person reads it: lists joined, domains by name, none as a dash."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(item["name"] if isinstance(item, dict) else str(item) for item in value)
    return str(value).replace("_", " ")
