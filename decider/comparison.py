"""Two assessments side by side: which answers differ, how each factor's contribution
moved, and whether (and why) the verdict and the confidence moved."""

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from decider.engine.choices import STYLE_LABELS, Style
from decider.engine.questions import BY_NAME
from decider.engine.rounding import rounded, signed
from decider.models import Assessment

MOST_MOVED = 2


@dataclass(frozen=True)
class Comparison:
    before: Assessment
    after: Assessment

    @cached_property
    def answers(self) -> list[dict[str, Any]]:
        """Every answer that differs, in the questionnaire's order, domains last."""
        old, new = self.before.answers, self.after.answers
        fields = [*BY_NAME, *(k for k in {*old, *new} if k not in BY_NAME)]
        return [
            {"field": f, "label": _label(f), "before": old.get(f), "after": new.get(f)}
            for f in fields
            if old.get(f) != new.get(f)
        ]

    @cached_property
    def factors(self) -> list[dict[str, Any]]:
        """Each factor's contribution before and after, the largest change first; factors
        that weigh nothing on either side are left out."""
        old, new = _by_factor(self.before), _by_factor(self.after)
        rows = []
        for name in dict.fromkeys([*old, *new]):
            was, now = old.get(name, {}), new.get(name, {})
            before, after = was.get("contribution", 0.0), now.get("contribution", 0.0)
            if before or after:
                label = now.get("label") or was.get("label") or name.replace("_", " ")
                rows.append(
                    {
                        "factor": name,
                        "label": label,
                        "before": before,
                        "after": after,
                        "contribution": rounded(after - before),
                        "explanation": now.get("explanation") or was.get("explanation", ""),
                    }
                )
        return sorted(rows, key=lambda r: -abs(r["contribution"]))

    def _verdict(self, key: str) -> dict[str, Any]:
        was = self.before.result["recommendation"][key]
        now = self.after.result["recommendation"][key]
        return {"before": was, "after": now, "moved": was != now}

    @property
    def verdict(self) -> dict[str, Any]:
        return self._verdict("style")

    @property
    def confidence(self) -> dict[str, Any]:
        return self._verdict("confidence")

    @property
    def explanation(self) -> str:
        """Whether the verdict and the confidence moved, and the factors that moved them."""
        verdict, sure = self.verdict, self.confidence
        if verdict["moved"]:
            said = (
                f"The verdict moved from {_style(verdict['before'])} to {_style(verdict['after'])}"
            )
        else:
            said = f"The verdict stayed {_style(verdict['after'])}"
        if sure["moved"]:
            said += f", with confidence {sure['before']} now {sure['after']}"
        moved = [r for r in self.factors if r["contribution"]][:MOST_MOVED]
        if not moved:
            return said + ": no factor's contribution changed."
        because = " and ".join(f"{r['label'].lower()} ({signed(r['contribution'])})" for r in moved)
        return f"{said}. What moved most: {because}."

    def to_dict(self) -> dict[str, Any]:
        return {
            "before": self.before.id,
            "after": self.after.id,
            "answers": self.answers,
            "factors": self.factors,
            "verdict": self.verdict,
            "confidence": self.confidence,
            "explanation": self.explanation,
        }


def _by_factor(assessment: Assessment) -> dict[str, dict[str, Any]]:
    return {f["factor"]: f for f in assessment.result["factors"]}


def _label(field: str) -> str:
    question = BY_NAME.get(field)
    return question.label if question else field.replace("_", " ").capitalize()


def _style(style: str) -> str:
    return STYLE_LABELS[Style(style)].lower() if style in Style else style
