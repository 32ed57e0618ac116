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
