"""`recommend`: answers in, an explained recommendation out."""

from dataclasses import dataclass

from decider.engine.answers import Answers
from decider.engine.factors import Factor
from decider.engine.flips import Flip, find_flips
from decider.engine.summary import summarise
from decider.engine.verdict import Verdict, weigh


@dataclass(frozen=True)
class Recommendation:
    verdict: Verdict
    factors: tuple[Factor, ...]
    summary: str
    flips: tuple[Flip, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "recommendation": {
                "architecture": str(self.verdict.architecture),
                "style": str(self.verdict.style),
                "score": round(self.verdict.score, 4) + 0.0,
                "confidence": str(self.verdict.confidence),
                "summary": self.summary,
            },
            "factors": [f.to_dict() for f in self.factors],
            "flips": [f.to_dict() for f in self.flips],
        }


def recommend(answers: Answers, *, with_flips: bool = True) -> Recommendation:
    verdict, factors = weigh(answers)
    flips = find_flips(answers, verdict) if with_flips else ()
    return Recommendation(verdict, factors, summarise(answers, verdict, factors), flips)
