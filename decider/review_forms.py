"""The forms of /review/: the architecture builder (components and links as form rows)
and the import form (paste or upload, in any format of the review registry).

Choices come from the architecture model's enums and the format registry; the model's
own validation runs last and its problems land beside the rows or fields they name.
"""

from collections.abc import Collection
from typing import Any

from django import forms

from architectures.importers import Imported
from architectures.importers.yaml_documents import MAX_BYTES
from architectures.input_formats import FormatNotRecognised, Upload
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
from architectures.review_formats import REVIEW_FORMATS, read_review_input
from decider.formrows import row_formset


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
    source = forms.CharField(max_length=COMPONENT_NAME_MAX, required=False, label="From")
    target = forms.CharField(max_length=COMPONENT_NAME_MAX, required=False, label="To")
    style = forms.ChoiceField(choices=_choices(LinkStyle), initial="sync")
    timeout = forms.BooleanField(required=False)
    circuit_breaker = forms.BooleanField(required=False, label="Circuit breaker")
    discovery = forms.BooleanField(required=False)


ComponentFormSet = row_formset(ComponentForm, MAX_COMPONENTS)
LinkFormSet = row_formset(LinkForm, MAX_LINKS)
ROW_FIELDS = {"components": list(ComponentForm.base_fields), "links": list(LinkForm.base_fields)}
ROW_NAMES = {"components": "Component", "links": "Link"}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def _format_choices() -> list[tuple[str, str]]:
    return [("", "Detect from the content")] + [(f.name, f.label) for f in REVIEW_FORMATS]


class ImportForm(forms.Form):
    """Paste or upload an architecture in any format of the review registry."""

    format = forms.ChoiceField(choices=_format_choices, required=False, label="Format")
    architecture = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
        label="Paste it",
        help_text="; ".join(f"{f.label}: {f.description}" for f in REVIEW_FORMATS) + ".",
    )
    file = MultipleFileField(
        required=False,
        label="Or upload files",
        help_text="Several files at once for a compose file and its overrides, or for "
        "Kubernetes manifests. Uploaded files are used instead of the pasted text.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        endings = {e for f in REVIEW_FORMATS for e in f.extensions}
        self.fields["file"].widget.attrs["accept"] = ",".join(sorted(endings))

    def imported(self) -> Imported | None:
        """The architecture read from the form, or None with the errors beside the fields."""
        if not self.is_valid():
            return None
        uploads = self._uploads()
        if uploads is None:
            return None
        try:
            return read_review_input(uploads, forced=self.cleaned_data["format"] or None)
        except FormatNotRecognised as error:
            self.add_error("format", str(error))
        except ArchitectureInvalid as invalid:
            field = "file" if self.cleaned_data["file"] else "architecture"
            names = {u.name for u in uploads if u.name}
            for problem in invalid.problems:
                self.add_error(field, described(problem, names))
        return None

    def _uploads(self) -> list[Upload] | None:
        files = self.cleaned_data["file"]
        too_large = [f.name for f in files if f.size > MAX_BYTES]
        if too_large:
            limit = f"at most {MAX_BYTES // 1000:,} KB each"
            self.add_error("file", f"Too large ({limit}): {', '.join(too_large)}.")
            return None
        if files:
            return [Upload(f.name, f.read()) for f in files]
        if self.cleaned_data["architecture"].strip():
            return [Upload("", self.cleaned_data["architecture"].encode())]
        self.add_error("architecture", "Paste an architecture, or upload files.")
        return None


def described(problem: Problem, files: Collection[str] = ()) -> str:
    """`docker-compose.yml: services.web.ports.0: Must be a list of ports.`"""
    loc = list(problem.loc)
    file = f"{loc.pop(0)}: " if loc and loc[0] in files else ""
    where = ".".join(map(str, loc))
    return f"{file}{where}: {problem.msg}" if where else f"{file}{problem.msg}"


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
                general.append(f"{_where(problem.loc, formsets)}: {problem.msg}".lstrip(": "))
    return general


def _where(loc: tuple, formsets: dict[str, Any]) -> str:
    """A problem's place in the words of the page: `Link 3, To` for links.3.target."""
    match loc:
        case (str(kind), int(index), str(field), *_) if kind in formsets:
            form = formsets[kind].form
            label = form.base_fields[field].label if field in form.base_fields else field
            return f"{ROW_NAMES[kind]} {index + 1}, {label or field.capitalize()}"
        case (str(kind), int(index), *_) if kind in formsets:
            return f"{ROW_NAMES[kind]} {index + 1}"
        case (str(kind), *_) if kind in formsets:
            return kind.capitalize()
    return ".".join(map(str, loc))
