"""The questionnaire as Django forms, generated from the engine's question table.

Every question's field, label, help text, choices and "Don't know" come from
`decider.engine.questions.QUESTIONS`; the engine's own validation runs last and its
problems land beside the fields they name.
"""

from typing import Any

from django import forms

from decider.engine import choices as c
from decider.engine.answers import Answers, AnswersInvalid, parse_answers
from decider.engine.questions import QUESTIONS, Kind, Question, Section
from decider.formrows import row_formset
from decider.models import NAME_MAX

MAX_DOMAIN_ROWS = c.MAX_DOMAINS
DONT_KNOW = (c.UNKNOWN, "Don't know")
NOT_ANSWERED = ("", "Not answered")


def _choices(question: Question) -> list[tuple[str, str]]:
    if question.kind is Kind.NUMBER:  # a scale, e.g. codebase pain 0 to 5
        low, high = question.bounds
        values = [str(n) for n in range(low, high + 1)]
    else:
        values = [str(v) for v in question.values]
    listed = [(v, question.choice_label(v)) for v in values]
    if not question.required and question.default is None:
        listed.insert(0, NOT_ANSWERED)
    if question.unknown:
        listed.append(DONT_KNOW)
    return listed


def form_field(question: Question) -> forms.Field:
    """The Django field that asks `question`."""
    common = {"label": question.label, "help_text": question.help, "initial": question.initial}
    if question.kind is Kind.SET:
        return forms.MultipleChoiceField(
            choices=_choices(question),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if question.kind is Kind.CHOICE or question.labels:
        return forms.ChoiceField(choices=_choices(question), required=question.required, **common)
    low, high = question.bounds
    optional = "" if question.required else " (optional)"
    common["label"] = question.label + optional
    return forms.IntegerField(min_value=low, max_value=high, required=question.required, **common)


def _declared_fields() -> dict[str, forms.Field]:
    # What the assessment is called, and the one it re-runs ("What if…"): not questions.
    fields: dict[str, forms.Field] = {
        "project": forms.CharField(
            max_length=NAME_MAX,
            required=False,
            label="Project name (optional)",
            help_text="Shown on the result, in the decision record and in file names.",
        ),
        "previous": forms.UUIDField(required=False, widget=forms.HiddenInput),
    }
    fields |= {q.name: form_field(q) for q in QUESTIONS}
    for question in QUESTIONS:
        if question.unknown_flag:
            fields[question.unknown_flag] = forms.BooleanField(
                required=False, label="Not sure what else is in place"
            )
    return fields


QuestionnaireForm = type("QuestionnaireForm", (forms.Form,), _declared_fields())


def sections(form: forms.Form, *, core: bool) -> list[tuple[str, list[forms.BoundField]]]:
    """The form's fields grouped by section: the core questions, or the detailed ones."""
    grouped: dict[Section, list[forms.BoundField]] = {}
    for question in QUESTIONS:
        if question.core != core:
            continue
        grouped.setdefault(question.section, []).append(form[question.name])
        if question.unknown_flag:
            grouped[question.section].append(form[question.unknown_flag])
    return [(str(section), fields) for section, fields in grouped.items()]


def prefilled_questionnaire(
    answers: dict[str, Any], *, project: str = "", previous: Any = None
) -> tuple[forms.Form, Any]:
    """Unbound forms showing saved or example answers (\"What if…\", the examples)."""
    initial: dict[str, Any] = {"project": project, "previous": previous}
    for question in QUESTIONS:
        value = answers.get(question.name)
        if value is None:
            # Only a number that must be answered was answered "don't know" with null.
            if question.required and question.unknown and question.name in answers:
                initial[question.name] = c.UNKNOWN
            continue
        initial[question.name] = value if isinstance(value, list) else str(value)
        if question.unknown_flag:
            initial[question.unknown_flag] = bool(answers.get(question.unknown_flag))
    rows = [_row(d) for d in answers.get("domains", [])]
    return QuestionnaireForm(initial=initial), DomainFormSet(
        prefix="domains", initial=rows or DEFAULT_DOMAIN_ROWS
    )


def _row(domain: dict[str, Any]) -> dict[str, str]:
    row = {k: v for k, v in domain.items() if isinstance(v, str)}
    for key in ("depends_on", "publishes_to"):
        row[key] = ", ".join(domain.get(key, []))
    return row


def answers_data(cleaned: dict[str, Any]) -> dict[str, Any]:
    """The engine's input from the form's cleaned data: blanks omitted, "Don't know" kept."""
    data: dict[str, Any] = {}
    for question in QUESTIONS:
        value = cleaned.get(question.name)
        if value in (None, "", []) and question.kind is not Kind.SET:
            continue
        if question.kind is Kind.NUMBER and value == c.UNKNOWN:
            data[question.name] = None  # a number's "don't know"
        elif question.kind is Kind.NUMBER and isinstance(value, str):
            data[question.name] = int(value)
        else:
            data[question.name] = value
        if question.unknown_flag and cleaned.get(question.unknown_flag):
            data[question.unknown_flag] = True
    return data


class DomainForm(forms.Form):
    # The table's header and the fieldset's help explain the columns; each cell's label
    # repeats its column's name for screen readers and for the phone layout.
    name = forms.CharField(max_length=c.DOMAIN_NAME_MAX, required=False, label="Name")
    load = forms.ChoiceField(
        choices=[(str(v), str(v)) for v in c.Load], initial="normal", label="Load"
    )
    team = forms.CharField(max_length=c.TEAM_NAME_MAX, required=False, label="Team")
    depends_on = forms.CharField(max_length=2000, required=False, label="Calls (sync)")
    publishes_to = forms.CharField(max_length=2000, required=False, label="Events to (async)")


DomainFormSet = row_formset(DomainForm, MAX_DOMAIN_ROWS)

DEFAULT_DOMAIN_ROWS = [{"name": name, "load": "normal"} for name in c.DEFAULT_DOMAINS]


def read_questionnaire(data: Any) -> tuple[forms.Form, Any, Answers | None]:
    """Bind the forms to `data`; return them with the answers when everything is valid.

    The engine checks what the forms accepted even when other fields are invalid, so
    every problem shows at once, each beside its field.
    """
    form = QuestionnaireForm(data)
    domains = DomainFormSet(data, prefix="domains")
    valid = form.is_valid() & domains.is_valid()
    raw = answers_data(form.cleaned_data)
    rows = [getattr(f, "cleaned_data", {}) for f in domains.forms]
    named = [row for row in rows if row.get("name")]
    if named:
        raw["domains"] = [{k: v for k, v in row.items() if v not in (None, "")} for row in named]
    try:
        answers = parse_answers(raw)
    except AnswersInvalid as invalid:
        _attach(form, domains, invalid)
        return form, domains, None
    return form, domains, answers if valid else None


def _attach(form: forms.Form, domains: Any, invalid: AnswersInvalid) -> None:
    live = [f for f in domains.forms if getattr(f, "cleaned_data", {}).get("name")]
    for problem in invalid.problems:
        match problem.loc:
            case ("domains", int(index), str(field)) if index < len(live):
                row = live[index]
                if field not in row.errors:
                    row.add_error(field if field in DomainForm.base_fields else None, problem.msg)
            case (str(field), *_) if field in form.fields:
                if field not in form.errors:
                    form.add_error(field, problem.msg)
            case _:
                form.add_error(None, problem.msg)


def blank_questionnaire() -> tuple[forms.Form, Any]:
    return QuestionnaireForm(), DomainFormSet(prefix="domains", initial=DEFAULT_DOMAIN_ROWS)


def questionnaire_context(form: forms.Form, domains: Any) -> dict[str, Any]:
    """What the questionnaire template needs: the forms and their fields by section. The
    detailed questions open when one of them holds an answer or an error."""
    detail = [q.name for q in QUESTIONS if not q.core]
    answered = form.is_bound and any(form.data.get(name) for name in detail)
    return {
        "form": form,
        "domains": domains,
        "core_sections": sections(form, core=True),
        "detail_sections": sections(form, core=False),
        "detail_open": answered or any(name in form.errors for name in detail),
    }
