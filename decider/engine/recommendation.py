"""`recommend`: answers in, an explained and compared recommendation out."""

from dataclasses import dataclass
from typing import Any

from decider.engine import choices as c
from decider.engine.ask_next import ask_next
from decider.engine.confidence import Assurance, assess
from decider.engine.factors import Factor
from decider.engine.flips import Flip, find_flips, runner_up_change
from decider.engine.options import Option, compare
from decider.engine.overrides import builds_platform_first, missing_prerequisites
from decider.engine.rounding import rounded
from decider.engine.summary import plain_confidence, summarise
from decider.engine.weighing import Evaluation, Profile, explained_factors


@dataclass(frozen=True)
class Recommendation:
    evaluation: Evaluation
    assurance: Assurance
    factors: tuple[Factor, ...]
    options: tuple[Option, ...]
    summary: str
    flips: tuple[Flip, ...]
    runner_up_change: Flip | None
    unknowns: tuple[str, ...]
    ask_next: tuple[str, ...]
    build_first: tuple[c.Op, ...]

    @property
    def style(self) -> c.Style:
        return self.evaluation.style

    @property
    def architecture(self) -> c.Family:
        return self.evaluation.architecture

    @property
    def confidence(self) -> c.Confidence:
        return self.assurance.confidence

    @property
    def score(self) -> float:
        return self.evaluation.score

    def to_dict(self) -> dict[str, Any]:
        ev, sure = self.evaluation, self.assurance
        return {
            "recommendation": {
                "architecture": str(ev.architecture),
                "style": str(ev.style),
                "score": rounded(ev.score),
                "confidence": str(sure.confidence),
                "summary": self.summary,
                "options": [o.to_dict() for o in self.options],
                "runner_up": str(ev.runner_up),
                "runner_up_change": self.runner_up_change.to_dict()
                if self.runner_up_change
                else None,
                "margin": rounded(sure.margin),
                "robustness": rounded(sure.robustness),
                "robustness_summary": plain_confidence(ev, sure.robustness, bool(sure.contested)),
                "contested": bool(sure.contested),
                "contested_reasons": list(sure.contested),
                "unknowns": list(self.unknowns),
                "ask_next": list(self.ask_next),
                "build_first": [str(op) for op in self.build_first],
            },
            "factors": [f.to_dict() for f in self.factors],
            "flips": [f.to_dict() for f in self.flips],
        }


def recommend(answers: Any, *, with_flips: bool = True) -> Recommendation:
    profile = Profile(answers)
    evaluation = profile.evaluate()
    factors = explained_factors(profile)
    build_first = _build_first(profile, evaluation)
    gated = evaluation.weighed > 0 >= evaluation.score
    v = profile.base
    flips = find_flips(profile, evaluation) if with_flips else ()
    return Recommendation(
        evaluation=evaluation,
        assurance=assess(profile, evaluation),
        factors=tuple(factors),
        options=compare(v, profile.domains, evaluation.fits),
        summary=summarise(v, evaluation, factors, build_first, gated),
        flips=flips,
        runner_up_change=runner_up_change(profile, evaluation, flips) if with_flips else None,
        unknowns=answers.unknowns,
        ask_next=ask_next(profile),
        build_first=build_first,
    )


def _build_first(profile: Profile, evaluation: Evaluation) -> tuple[c.Op, ...]:
    """The prerequisites an incremental migration builds before its first slice."""
    v = profile.base
    if evaluation.style != c.Style.INCREMENTAL_MIGRATION or v["unknown_ops"]:
        return ()
    if builds_platform_first(v, evaluation.weighed):
        return missing_prerequisites(v)
    return ()


def evaluate(answers: Any) -> Evaluation:
    """Only the weighing: score, fits and style, without explanations or search."""
    return Profile(answers).evaluate()
