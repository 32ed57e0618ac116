"""The forms of the decomposition pages: the monolith to decompose and its options.

The widgets render every control (the pages only lay them out). Problems are kept per
field with where they are (`line 7`, `modules[3].calls['x']`), so the pages list them
beside the field they concern.

Granularity is automatic (the core's stated criterion) or set by hand with the slider.
Moving the slider away from the stop the page showed means "by hand" even when the
automatic choice is still ticked, so the slider works without JavaScript too; with it,
the slider posts `mode=manual` itself.
"""

import math
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django import forms

from architectures.decomposition.archive import archive_kind
from architectures.decomposition.granularity import LARGEST_SHARE
from architectures.decomposition.options import (
    PIN_MSG,
    TEAMS_MAX,
    Options,
    option_problems,
    parse_pin,
)
from architectures.input_formats import FormatNotRecognised, Upload
from architectures.model import Problem
from architectures.monolith_formats import (
    MONOLITH_FORMATS,
    MonolithInput,
    MonolithInvalid,
    read_monolith_input,
)

# The granularity slider's stops: roughly logarithmic, so each step changes the
# candidate count by a similar factor. Index 6 is the core's default resolution.
RESOLUTION_STEPS = (
    *(0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0),
    *(15.0, 20.0, 30.0, 50.0, 70.0, 100.0),
)
DEFAULT_STEP = RESOLUTION_STEPS.index(1.0)
AUTO, MANUAL = "auto", "manual"
AUTO_CRITERION = (
    f"the best modularity with no candidate holding more than {LARGEST_SHARE:.0%} of the "
    "code; with a number of teams, about one candidate per team"
)


def step_resolution(step: int) -> float:
    return RESOLUTION_STEPS[max(0, min(step, len(RESOLUTION_STEPS) - 1))]


def resolution_step(resolution: float) -> int:
    """The slider stop nearest to `resolution` (on a log scale)."""
    return min(
        range(len(RESOLUTION_STEPS)),
        key=lambda i: abs(math.log(RESOLUTION_STEPS[i]) - math.log(resolution)),
    )


def describe_location(loc: tuple[str | int, ...]) -> str:
    """A problem's location for people: `line 7`, `modules[3].calls['orders.cart']`."""
    parts = list(loc)
    text = ""
    while parts:
        part = parts.pop(0)
        if part == "line" and parts and isinstance(parts[0], int):
            text += f"{' ' if text else ''}line {parts.pop(0)}"
        elif isinstance(part, int):
            text += f"[{part}]"
        elif not text:
            text = part
        else:
            text += f".{part}" if part.isidentifier() else f"[{part!r}]"
    return text


@dataclass(frozen=True)
class Shown:
    """What the page showed before this submission: the granularity mode and the stop."""

    mode: str = AUTO
    step: int = DEFAULT_STEP


class RangeInput(forms.NumberInput):
    input_type = "range"


def _area(rows: int, **attrs: str) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "spellcheck": "false", **attrs})


class OptionsForm(forms.Form):
    mode = forms.ChoiceField(
        choices=[(AUTO, f"Automatic: {AUTO_CRITERION}"), (MANUAL, "By hand, with the slider")],
        widget=forms.RadioSelect(attrs={"class": "modes"}),
        required=False,
        label="Granularity",
    )
    granularity = forms.IntegerField(
        min_value=0,
        max_value=len(RESOLUTION_STEPS) - 1,
        required=False,
        label="Granularity by hand",
        widget=RangeInput(
            attrs={"step": 1, "list": "granularity-stops", "aria-describedby": "granularity-help"}
        ),
    )
    shown_step = forms.IntegerField(required=False, widget=forms.HiddenInput)
    teams = forms.IntegerField(
        min_value=1,
        max_value=TEAMS_MAX,
        required=False,
        label="Teams (optional)",
        widget=forms.NumberInput(attrs={"aria-describedby": "teams-help", "inputmode": "numeric"}),
    )
    pins = forms.CharField(
        required=False,
        strip=False,
        label="Pins (optional)",
        widget=_area(3, placeholder="web.checkout = checkout", **{"aria-describedby": "pins-help"}),
    )

    def __init__(self, *args: Any, shown: Shown = Shown(), rerun_url: str = "", **kwargs: Any):
        kwargs.setdefault("label_suffix", "")
        kwargs["initial"] = {
            "mode": shown.mode,
            "granularity": shown.step,
            "shown_step": shown.step,
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        self.shown = shown
        self.problems: dict[str, list[tuple[str, str]]] = {}
        if rerun_url:
            self._rerun_as_they_change(rerun_url)

    def _rerun_as_they_change(self, url: str) -> None:
        """With htmx, each control re-runs the decomposition as soon as it changes."""
        changes = {"hx-post": url, "hx-trigger": "change"}
        self.fields["granularity"].widget.attrs |= changes | {"hx-vals": '{"mode": "manual"}'}
        self.fields["teams"].widget.attrs |= changes | {"hx-vals": '{"mode": "auto"}'}
        self.fields["mode"].widget.attrs |= changes

    def add_problems(self, name: str, problems: list[Problem]) -> None:
        if problems:
            found = self.problems.setdefault(name, [])
            found += [(describe_location(p.loc), p.msg) for p in problems]

    def options(self, known: Collection[str] | None) -> Options | None:
        """The options asked for, or None with the problems beside their fields; pins
        naming modules outside `known` (when given) are problems too."""
        self.is_valid()
        for name, errors in self.errors.items():
            self.problems.setdefault(name, []).extend(("", e) for e in errors)
        pins = self._pins()
        resolution = None if self._automatic() else step_resolution(self._step())
        teams = self.cleaned_data.get("teams")
        self.add_problems("pins", option_problems(known, resolution, pins, teams))
        return None if self.problems else Options(resolution, pins, teams)

    def _step(self) -> int:
        step = self.cleaned_data.get("granularity")
        return self.shown.step if step is None else step

    def _automatic(self) -> bool:
        shown = self.cleaned_data.get("shown_step")
        moved = self._step() != (self.shown.step if shown is None else shown)
        return (self.cleaned_data.get("mode") or self.shown.mode) == AUTO and not moved

    def _pins(self) -> dict[str, str]:
        pins: dict[str, str] = {}
        for number, line in enumerate(self.cleaned_data.get("pins", "").splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if (pin := parse_pin(line)) is None:
                self.add_problems("pins", [Problem(("pins", "line", number), PIN_MSG)])
            else:
                pins[pin[0]] = pin[1]
        return pins


def _format_choices() -> list[tuple[str, str]]:
    return [("", "Detect from the content")] + [(f.name, f.label) for f in MONOLITH_FORMATS]


class DecomposeForm(OptionsForm):
    format = forms.ChoiceField(choices=_format_choices, required=False, label="Format")
    monolith = forms.CharField(
        required=False,
        strip=False,
        label="Monolith, as JSON or CSV",
        widget=_area(16, **{"aria-describedby": "monolith-help"}),
    )
    file = forms.FileField(required=False, label="… or upload a file or a project archive")

    field_order = ("format", "monolith", "file", "mode", "granularity", "teams", "pins")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["monolith"].widget.attrs["placeholder"] = (
            '{"modules": [{"name": "orders.cart", "tables": {"carts": "rw"}, '
            '"calls": {"catalog.books": 4}}, …]}'
        )
        endings = {e for f in MONOLITH_FORMATS for e in f.extensions}
        self.fields["file"].widget.attrs |= {
            "accept": ",".join(sorted(endings)),
            "aria-describedby": "file-help",
        }

    def read(self) -> tuple[MonolithInput, Options] | None:
        """The monolith and the options, or None with the problems beside the fields. An
        uploaded text file replaces the pasted text, and is put into the text box when
        there are problems to fix."""
        monolith = self._monolith()
        options = self.options(None if monolith is None else monolith_names(monolith))
        if monolith is None or options is None:
            return None
        return monolith, options

    def _monolith(self) -> MonolithInput | None:
        self.is_valid()
        upload = self.cleaned_data.get("file")
        text = self.cleaned_data.get("monolith", "")
        if upload is None and not text.strip():
            msg = "Paste a monolith as JSON or CSV, or upload a file or a project archive."
            self.add_problems("monolith", [Problem((), msg, "missing")])
            return None
        found = Upload(upload.name, upload.read()) if upload else Upload("", text.encode())
        try:
            return read_monolith_input([found], forced=self.cleaned_data.get("format") or None)
        except FormatNotRecognised as error:
            self.add_problems("format", [Problem((), str(error))])
        except MonolithInvalid as invalid:
            self.add_problems(self._problem_field(found), invalid.problems)
        return None

    def _problem_field(self, upload: Upload) -> str:
        """Problems of a text upload go beside the text box, which then shows the text."""
        if not upload.name:
            return "monolith"
        try:
            text = upload.data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return "file"
        if archive_kind(upload.data) is not None:
            return "file"
        self.data = self.data.copy()
        self.data["monolith"] = text
        return "monolith"


def monolith_names(read: MonolithInput) -> set[str]:
    return {m.name for m in read.monolith.modules}
