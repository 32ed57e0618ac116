"""The questionnaire as Django forms. Choices and limits come from the engine's
`choices`; the engine's own validation runs last and its problems land beside the
fields they name."""

from typing import Any

from django import forms

from decider.engine import choices as c
from decider.engine.answers import Answers, AnswersInvalid, parse_answers

MAX_DOMAIN_ROWS = c.MAX_DOMAINS


def _choices(labels: dict[str, str]) -> list[tuple[str, str]]:
    return list(labels.items())


class QuestionnaireForm(forms.Form):
    teams = forms.IntegerField(
        min_value=c.TEAMS_MIN,
        max_value=c.TEAMS_MAX,
        initial=3,
        label="How many teams build and run the product?",
        help_text="Count teams of about 5 to 9 people that own parts of the product.",
    )
    developers = forms.IntegerField(
        min_value=c.DEVELOPERS_MIN,
        max_value=c.DEVELOPERS_MAX,
        required=False,
        label="How many engineers in all? (optional)",
        help_text="Used to sanity-check the team count.",
    )
    deploy_contention = forms.ChoiceField(
        choices=_choices(
            {
                "never": "Never",
                "rarely": "Rarely",
                "often": "Often (weekly)",
                "constantly": "Constantly (daily)",
            }
        ),
        initial="rarely",
        label="How often does one team's release wait on another team's?",
        help_text="Blocked releases are the strongest reason to deploy parts independently.",
    )
    scaling = forms.ChoiceField(
        choices=_choices(
            {
                "uniform": "Uniform: everything scales alike",
                "moderate": "Moderate differences",
                "divergent": "Divergent: some parts need far more capacity",
            }
        ),
        initial="uniform",
        label="How differently must the parts of the system scale?",
        help_text="A monolith scales horizontally fine; only very different needs favour splitting.",
    )
    tech_diversity = forms.ChoiceField(
        choices=_choices(
            {
                "none": "None: one stack serves all",
                "nice_to_have": "Nice to have",
                "required": "Required for some parts",
            }
        ),
        initial="none",
        label="Do parts need other languages or runtimes?",
        help_text="For example a machine-learning part in Python beside a JVM core.",
    )
    monolith_pain = forms.TypedChoiceField(
        coerce=int,
        choices=[
            (0, "0: no pain"),
            (1, "1"),
            (2, "2: some friction"),
            (3, "3"),
            (4, "4: slow and risky to change"),
            (5, "5: too tangled to change safely"),
        ],
        initial=1,
        label="How much does the current codebase hurt?",
        help_text="Slow builds, changes that break far-away parts, nobody understands the whole.",
    )
    existing_system = forms.ChoiceField(
        choices=_choices(
            {
                "none": "Nothing yet: a new product",
                "monolith": "A monolith",
                "microservices": "Microservices",
            }
        ),
        initial="none",
        label="What exists today?",
        help_text="An existing monolith is never rewritten in one go.",
    )
    codebase_kloc = forms.IntegerField(
        min_value=c.KLOC_MIN,
        max_value=c.KLOC_MAX,
        required=False,
        label="Size of the current codebase, in thousands of lines (optional)",
    )
    ops = forms.MultipleChoiceField(
        choices=[(str(op), c.LABELS[op]) for op in c.Op],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Which operations capabilities are in place?",
        help_text="CI/CD, monitoring and fast provisioning are prerequisites for microservices.",
    )
    distributed_experience = forms.ChoiceField(
        choices=_choices({"none": "None", "some": "Some", "strong": "Strong"}),
        initial="some",
        label="Experience running distributed systems",
    )
    consistency = forms.ChoiceField(
        choices=_choices(
            {
                "relaxed": "Relaxed: eventual consistency is fine",
                "mixed": "Mixed",
                "strict": "Strict: most operations are all-or-nothing across domains",
            }
        ),
        initial="mixed",
        label="How much does the business need transactions across domains?",
    )
    domain_clarity = forms.ChoiceField(
        choices=_choices(
            {
                "unclear": "Unclear: still discovering",
                "partial": "Partly known",
                "clear": "Clear and stable",
            }
        ),
        initial="partial",
        label="How well are the business-domain boundaries known?",
    )
    practices = forms.MultipleChoiceField(
        choices=[(str(p), c.LABELS[p]) for p in c.Practice],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Engineering practices in place",
    )
    org = forms.MultipleChoiceField(
        choices=[(str(t), c.LABELS[t]) for t in c.OrgTrait],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Which of these are true of your organisation today?",
    )


class DomainForm(forms.Form):
    name = forms.CharField(max_length=c.DOMAIN_NAME_MAX, required=False, label="Domain")
    load = forms.ChoiceField(choices=[(str(v), str(v)) for v in c.Load], initial="normal")
    team = forms.CharField(max_length=c.TEAM_NAME_MAX, required=False)
    depends_on = forms.CharField(
        max_length=2000, required=False, label="Calls (sync)", help_text="Comma-separated"
    )
    publishes_to = forms.CharField(
        max_length=2000, required=False, label="Events to (async)", help_text="Comma-separated"
    )


DomainFormSet = forms.formset_factory(
    DomainForm, extra=0, max_num=MAX_DOMAIN_ROWS, validate_max=True, absolute_max=MAX_DOMAIN_ROWS
)

DEFAULT_DOMAIN_ROWS = [{"name": name, "load": "normal"} for name in c.DEFAULT_DOMAINS]


def read_questionnaire(data: Any) -> tuple[QuestionnaireForm, Any, Answers | None]:
    """Bind the forms to `data`; return them with the answers when everything is valid.

    The engine checks what the forms accepted even when other fields are invalid, so
    every problem shows at once, each beside its field.
    """
    form = QuestionnaireForm(data)
    domains = DomainFormSet(data, prefix="domains")
    valid = form.is_valid() & domains.is_valid()
    raw = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
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


def _attach(form: QuestionnaireForm, domains: Any, invalid: AnswersInvalid) -> None:
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


def blank_questionnaire() -> tuple[QuestionnaireForm, Any]:
    return QuestionnaireForm(), DomainFormSet(prefix="domains", initial=DEFAULT_DOMAIN_ROWS)
