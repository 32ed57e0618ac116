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
def get_item(mapping: dict, key: str) -> object:
    return mapping.get(key, key)


@register.filter
def make_list_words(text: str) -> list[str]:
    return text.split()


@register.filter
def with_severity(findings: list[dict], severity: str) -> list[tuple[int, dict]]:
    """The findings of one severity, each with its number in the whole list (its badge)."""
    return [(i, f) for i, f in enumerate(findings, start=1) if f["severity"] == severity]


@register.filter
def question_label(name: str) -> str:
    """The question as asked, for an answer's field name."""
    question = BY_NAME.get(name)
    return question.label.rstrip("?") if question else name.replace("_", " ")


@register.filter
def op_label(op: str) -> str:
    return LABELS.get(op, op)
