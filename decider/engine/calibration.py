"""Calibration against sourced public decisions (`fixtures/cases/`, one JSON file each).

Each case holds the answers as its sources support them (each marked documented or
inferred), the decision taken, the hindsight, and what a principal architect would
accept: an architecture, the acceptable styles and the acceptable confidences. An
accepted style brings its own architecture with it, so a case that accepts a modular
monolith as well as a migration agrees on architecture with either.

`python -m decider.engine.calibration` prints the agreement table and each case;
`... calibration CASE_ID` explains one case; `... calibration --moves` shows what each
question does to the cases that answer it.
"""

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from decider.engine import choices as c
from decider.engine.answers import parse_answers
from decider.engine.questions import QUESTIONS
from decider.engine.recommendation import Recommendation, recommend

CASES = Path(__file__).resolve().parents[2] / "fixtures" / "cases"


@dataclass(frozen=True)
class Case:
    id: str
    organisation: str
    answers: dict[str, Any]
    architecture: str
    styles: tuple[str, ...]
    confidences: tuple[str, ...]
    contested: bool


@dataclass(frozen=True)
class Outcome:
    case: Case
    recommendation: Recommendation

    @property
    def style_agrees(self) -> bool:
        return str(self.recommendation.style) in self.case.styles

    @property
    def architecture_agrees(self) -> bool:
        return str(self.recommendation.architecture) == self.case.architecture or self.style_agrees

    @property
    def confidence_agrees(self) -> bool:
        return str(self.recommendation.confidence) in self.case.confidences

    @property
    def agrees(self) -> bool:
        return self.architecture_agrees and self.style_agrees and self.confidence_agrees


def load_case(path: Path) -> Case:
    data = json.loads(path.read_text(encoding="utf-8"))
    expected = data["expected"]
    return Case(
        id=data["id"],
        organisation=data["organisation"],
        answers={name: entry["value"] for name, entry in data["answers"].items()},
        architecture=expected["architecture"],
        styles=tuple(expected["styles"]),
        confidences=tuple(expected["confidences"]),
        contested=bool(data["contested"]),
    )


def load_cases(folder: Path = CASES) -> list[Case]:
    return [load_case(path) for path in sorted(folder.glob("*.json"))]


def run(cases: Iterable[Case]) -> list[Outcome]:
    return [Outcome(case, recommend(parse_answers(case.answers))) for case in cases]


def agreement(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes) or 1
    return {
        "architecture": sum(o.architecture_agrees for o in outcomes) / n,
        "style": sum(o.style_agrees for o in outcomes) / n,
        "confidence": sum(o.confidence_agrees for o in outcomes) / n,
        "all three": sum(o.agrees for o in outcomes) / n,
    }


def contested_and_high(outcomes: list[Outcome]) -> list[str]:
    return [
        o.case.id
        for o in outcomes
        if o.case.contested and o.recommendation.confidence == c.Confidence.HIGH
    ]


def table(outcomes: list[Outcome]) -> str:
    """The agreement as a Markdown table, for the README."""
    rows = ["| measure | agreement |", "| --- | --- |"]
    n = len(outcomes)
    for name, share in agreement(outcomes).items():
        rows.append(f"| {name} | {round(share * n)} of {n} ({share:.0%}) |")
    return "\n".join(rows)


@dataclass(frozen=True)
class Movement:
    """What one answer does to the cases that give it, each against itself without it."""

    question: str
    held: tuple[str, ...]  # the cases that answer it
    score: tuple[str, ...]  # those whose score it moves
    verdict: tuple[str, ...]  # those whose style or confidence it moves: "id (without -> with)"


def movement(
    cases: Iterable[Case], question: str, answered: dict[str, Recommendation] | None = None
) -> Movement:
    """`answered` keeps each case's own recommendation across questions."""
    answered = {} if answered is None else answered
    held, score, verdict = [], [], []
    for case in cases:
        if question not in case.answers:
            continue
        held.append(case.id)
        without = {k: v for k, v in case.answers.items() if k != question}
        if case.id not in answered:
            answered[case.id] = recommend(parse_answers(case.answers), with_flips=False)
        given = answered[case.id]
        lacking = recommend(parse_answers(without), with_flips=False)
        if given.score != lacking.score:
            score.append(case.id)
        if (given.style, given.confidence) != (lacking.style, lacking.confidence):
            verdict.append(
                f"{case.id} ({lacking.style}/{lacking.confidence} -> "
                f"{given.style}/{given.confidence})"
            )
    return Movement(question, tuple(held), tuple(score), tuple(verdict))


def movements_table(cases: list[Case]) -> str:
    """Each optional question the cases answer, as Markdown (a required one cannot be left
    out to compare)."""
    rows = [
        "| question | cases answering it | score moved | style or confidence moved |",
        "| --- | --- | --- | --- |",
    ]
    answered: dict[str, Recommendation] = {}
    for question in QUESTIONS:
        if question.required:
            continue
        moved = movement(cases, question.name, answered)
        if not moved.held:
            continue
        changed = "; ".join(moved.verdict) or "none"
        rows.append(
            f"| `{moved.question}` | {len(moved.held)} | {len(moved.score)} | "
            f"{len(moved.verdict)}: {changed} |"
        )
    return "\n".join(rows)


def explain(case_id: str) -> None:
    """Print one case's factors, options and confidence, to see why it came out as it did."""
    outcome = run([load_case(CASES / f"{case_id}.json")])[0]
    data = outcome.recommendation.to_dict()
    for factor in sorted(data["factors"], key=lambda f: f["contribution"]):
        if factor["contribution"]:
            print(f"{factor['contribution']:+.4f} {factor['factor']:24} {factor['explanation']}")
    rec = data["recommendation"]
    for option in rec["options"]:
        print(f"  {option['style']:22} fit {option['fit']:.3f}")
    print(
        f"  {rec['style']} {rec['confidence']} margin {rec['margin']} robustness "
        f"{rec['robustness']} contested {rec['contested_reasons']}"
    )


def main() -> None:
    if sys.argv[1:] == ["--moves"]:
        print(movements_table(load_cases()))
        return
    if len(sys.argv) > 1:
        explain(sys.argv[1])
        return
    outcomes = run(load_cases())
    for o in outcomes:
        rec = o.recommendation
        mark = "ok " if o.agrees else "MISS"
        print(
            f"{mark} {o.case.id:45} {rec.style!s:22} {rec.confidence!s:6} "
            f"score {rec.score:+.3f}  expected {'/'.join(o.case.styles)} "
            f"({'/'.join(o.case.confidences)}){' contested' if o.case.contested else ''}"
        )
    print()
    print(table(outcomes))
    if bad := contested_and_high(outcomes):
        print("contested cases with high confidence:", ", ".join(bad))


if __name__ == "__main__":
    main()
    sys.exit(0)
