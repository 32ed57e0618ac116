"""The architecture builder on /review/: components and links as form rows.

Choices come from the architecture model's enums; the model's own validation runs last
and its problems land beside the rows they name.
"""

import json
from typing import Any

from django import forms

from architectures.model import (
    COMPONENT_NAME_MAX,
    MAX_COMPONENTS,
    MAX_LINKS,
    Architecture,
    ArchitectureInvalid,
    Kind,
    Layer,
    LinkStyle,
    Problem,
    parse_architecture,
)


def _choices(enum: Any, blank: bool = False) -> list[tuple[str, str]]:
    return [("", "—")] * blank + [(str(v), str(v)) for v in enum]


class ComponentForm(forms.Form):
    name = forms.CharField(max_length=COMPONENT_NAME_MAX, required=False)
    kind = forms.ChoiceField(choices=_choices(Kind), initial="service")
    team = forms.CharField(max_length=COMPONENT_NAME_MAX, required=False)
    deploy_unit = forms.CharField(
        max_length=COMPONENT_NAME_MAX, required=False, label="Deploy unit"
    )
    layer = forms.ChoiceField(choices=_choices(Layer, blank=True), required=False)
    language = forms.CharField(max_length=COMPONENT_NAME_MAX, required=False)
    owner = forms.CharField(
        max_length=COMPONENT_NAME_MAX, required=False, label="Owner (datastores)"
    )


class LinkForm(forms.Form):
    source = forms.CharField(max_length=COMPONENT_NAME_MAX, required=False)
    target = forms.CharField(max_length=COMPONENT_NAME_MAX, required=False)
    style = forms.ChoiceField(choices=_choices(LinkStyle), initial="sync")
    timeout = forms.BooleanField(required=False)
    circuit_breaker = forms.BooleanField(required=False, label="Circuit breaker")
    discovery = forms.BooleanField(required=False)


def _formset(form: type[forms.Form], limit: int) -> Any:
    return forms.formset_factory(
        form, extra=0, max_num=limit, validate_max=True, absolute_max=limit
    )


ComponentFormSet = _formset(ComponentForm, MAX_COMPONENTS)
LinkFormSet = _formset(LinkForm, MAX_LINKS)
ROW_FIELDS = {"components": list(ComponentForm.base_fields), "links": list(LinkForm.base_fields)}


class JsonForm(forms.Form):
    architecture = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
        label="Architecture as JSON",
        help_text='{"components": [{"name", "kind", ...}], "links": [{"source", "target", "style", ...}]}',
    )


class MicroToscaForm(forms.Form):
    file = forms.FileField(label="MicroTOSCA YAML file (as microFreshener writes it)")


def builder_formsets(data: Any = None, architecture: Architecture | None = None) -> tuple:
    if data is not None:
        return ComponentFormSet(data, prefix="components"), LinkFormSet(data, prefix="links")
    initial = architecture.to_dict() if architecture else {"components": [], "links": []}
    components = [
        {k: c.get(k, "") for k in ROW_FIELDS["components"]} for c in initial["components"]
    ]
    return (
        ComponentFormSet(prefix="components", initial=components),
        LinkFormSet(prefix="links", initial=initial["links"]),
    )


def read_builder(data: Any) -> tuple[Any, Any, Architecture | None, list[str]]:
    """Bind the builder to `data`; return it, the architecture when everything is valid,
    and the problems that belong to no single row."""
    components, links = builder_formsets(data)
    valid = components.is_valid() & links.is_valid()
    rows = {"components": _rows(components), "links": _rows(links)}
    try:
        architecture = parse_architecture(rows)
    except ArchitectureInvalid as invalid:
        general = _attach(invalid, {"components": components, "links": links})
        return components, links, None, general
    return components, links, architecture if valid else None, []


def _rows(formset: Any) -> list[dict[str, Any]]:
    rows = [getattr(f, "cleaned_data", {}) for f in formset.forms]
    key = "name" if "name" in formset.form.base_fields else "source"
    return [{k: v for k, v in row.items() if v not in ("", None)} for row in rows if row.get(key)]


def _attach(invalid: ArchitectureInvalid, formsets: dict[str, Any]) -> list[str]:
    general = []
    for problem in invalid.problems:
        match problem.loc:
            case (str(kind), int(index), str(field)) if kind in formsets:
                key = "name" if kind == "components" else "source"
                live = [f for f in formsets[kind].forms if getattr(f, "cleaned_data", {}).get(key)]
                row = live[index] if index < len(live) else None
                if row is not None and field not in row.errors:
                    row.add_error(field if field in row.fields else None, problem.msg)
            case _:
                general.append(f"{'.'.join(map(str, problem.loc))}: {problem.msg}".lstrip(": "))
    return general


def parse_json_text(text: str) -> Architecture:
    try:
        data = json.loads(text)
    except ValueError as error:
        problem = Problem((), f"Not valid JSON: {error}.", "json_invalid")
        raise ArchitectureInvalid([problem]) from None
    except RecursionError:
        problem = Problem((), "Not valid JSON: it is nested too deeply.", "json_invalid")
        raise ArchitectureInvalid([problem]) from None
    return parse_architecture(data)
