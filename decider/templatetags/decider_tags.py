from django import template

register = template.Library()

STYLE_LABELS = {
    "monolith": "Monolith",
    "modular_monolith": "Modular monolith",
    "microservices": "Microservices",
    "incremental_migration": "Incremental migration",
}


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
