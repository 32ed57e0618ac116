"""The forms of the decomposition pages: the monolith to decompose and its options."""

from django import forms

from decider.decompositions import DEFAULT_STEP, RESOLUTION_STEPS


class RangeInput(forms.NumberInput):
    input_type = "range"


class OptionsForm(forms.Form):
    granularity = forms.IntegerField(
        min_value=0,
        max_value=len(RESOLUTION_STEPS) - 1,
        initial=DEFAULT_STEP,
        widget=RangeInput(attrs={"step": 1}),
    )
    pins = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
    )


class DecomposeForm(OptionsForm):
    monolith = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
    )
    file = forms.FileField(required=False)

    field_order = ("monolith", "file", "granularity", "pins")
