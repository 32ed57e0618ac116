"""An assessment's verdict as a MADR 4.0 decision record (`adr.md`), ready to drop into a
repository's `docs/decisions/`.

Everything in it comes from the saved result: the drivers are the largest factors, the
considered options and their pros and cons are the engine's comparison (or, for
assessments saved before it existed, the four options named), the consequences include
the anti-patterns to watch, and the confirmation names the delivery metrics to measure.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from decider.engine.choices import LABELS, Op, Style
from decider.engine.questions import BY_NAME
from decider.engine.rounding import signed
from decider.engine.summary import lower_first

DELIVERY_METRICS = (
    "lead time for changes",
    "deployment frequency",
    "change failure rate",
    "time to restore service",
)
MAX_DRIVERS = 6


def to_adr(
    result: Mapping[str, Any],
    *,
    answers: Mapping[str, Any],
    created: datetime,
    url: str,
    project: str = "",
) -> str:
    """The MADR 4.0 record of an assessment."""
    rec = result["recommendation"]
    chosen = _label(rec["style"])
    subject = project or "our system"
    lines = [
        "---",
        "status: proposed",
        f"date: {created:%Y-%m-%d}",
        "decision-makers: []  # fill in who decides",
        "---",
        "",
        f"# {chosen} for {subject}",
        "",
        "## Context and Problem Statement",
        "",
        *_context(answers, subject, url),
        "",
        "## Decision Drivers",
        "",
        *_drivers(result["factors"]),
        "",
        "## Considered Options",
        "",
        *[f"* {_label(o['style'])}{_fit(o)}" for o in _options(rec)],
        "",
        "## Decision Outcome",
        "",
        f'Chosen option: "{chosen}", because {_because(rec)}',
        "",
        "### Consequences",
        "",
        *_consequences(rec, result.get("anti_patterns", [])),
        "",
        "### Confirmation",
        "",
        *_confirmation(rec),
        "",
        "## Pros and Cons of the Options",
        *_pros_and_cons(rec),
        "",
        "## More Information",
        "",
        *_more(result, url),
        "",
    ]
    return "\n".join(lines)


def _label(style: str) -> str:
    return Style(style).label if style in Style else style


def _fit(option: Mapping[str, Any]) -> str:
    return f" (fit {option['fit']:.2f})" if "fit" in option else ""


def _context(answers: Mapping[str, Any], subject: str, url: str) -> list[str]:
    said = [
        f"{answers['teams']} team(s)",
        f"releases {answers['deploy_contention']} wait on another team's",
        f"scaling needs: {answers['scaling']}",
        f"other runtimes: {str(answers['tech_diversity']).replace('_', ' ')}",
        f"codebase pain: {answers['monolith_pain'] if answers['monolith_pain'] is not None else 'unknown'}/5",
        f"today: {answers.get('existing_system', 'none')}",
    ]
    return [
        f"Should {subject} be built (or kept) as one deployable, or split into services? "
        f"The team's answers: {'; '.join(said)}. Assessed with Decider: {url}"
    ]


def _drivers(factors: list[dict[str, Any]]) -> list[str]:
    ranked = sorted(
        (f for f in factors if f["contribution"]), key=lambda f: -abs(f["contribution"])
    )
    return [
        f"* {f['explanation']} ({signed(f['contribution'])}; {f['source']})"
        for f in ranked[:MAX_DRIVERS]
    ]


def _options(rec: Mapping[str, Any]) -> list[dict[str, Any]]:
    if rec.get("options"):
        return rec["options"]
    # Saved before the comparison existed: the options, the chosen one first, no fits.
    styles = [rec["style"], *(s for s in Style if s != rec["style"])]
    return [{"style": str(s)} for s in styles]


def _because(rec: Mapping[str, Any]) -> str:
    why = rec["summary"]
    if rec.get("robustness_summary"):
        why += f" {rec['robustness_summary']}"
    return f"{lower_first(why)} Confidence: {rec['confidence']}."


def _consequences(rec: Mapping[str, Any], findings: list[dict[str, Any]]) -> list[str]:
    chosen = next((o for o in rec.get("options", []) if o["style"] == rec["style"]), {})
    lines = [f"* Good, because {lower_first(p)}" for p in chosen.get("pros", [])]
    lines += [f"* Bad, because {lower_first(c)}" for c in chosen.get("cons", [])]
    lines += [
        f"* Bad, because of the anti-pattern to watch, {f['name']} ({f['severity']}): "
        f"{f['message']} Remedy: {f['remedy']}"
        for f in findings
    ]
    return lines or ["* Neutral, because no consequence was drawn from the answers."]


def _confirmation(rec: Mapping[str, Any]) -> list[str]:
    metrics = ", ".join(DELIVERY_METRICS)
    first = {
        "incremental_migration": "the first slice is extracted, and after each slice",
        "microservices": "the first services run in production, and every quarter",
        "modular_monolith": "the module boundaries are enforced, and every quarter",
        "monolith": "the first release, and every quarter",
    }[rec["style"]]
    lines = [
        f"Measure the four key delivery metrics ({metrics}) before the first step, again "
        f"when {first}. The decision works if they improve or hold while the system grows."
    ]
    if rec.get("build_first"):
        built = ", ".join(LABELS[Op(op)] for op in rec["build_first"])
        lines += ["", f"The first steps build what is missing ({built}) before any slice moves."]
    return lines


def _pros_and_cons(rec: Mapping[str, Any]) -> list[str]:
    lines = []
    for option in _options(rec):
        lines += ["", f"### {_label(option['style'])}", ""]
        said = [f"* Good, because {lower_first(p)}" for p in option.get("pros", [])]
        said += [f"* Bad, because {lower_first(c)}" for c in option.get("cons", [])]
        lines += said or ["* Neutral, because this assessment predates the comparison."]
    return lines


def _more(result: Mapping[str, Any], url: str) -> list[str]:
    rec = result["recommendation"]
    lines = ["What would change this decision:", ""]
    lines += [f"* {flip['description']}" for flip in result.get("flips", [])] or [
        "* No change of one or two answers would change the architecture."
    ]
    if rec.get("runner_up_change"):
        change = rec["runner_up_change"]
        lines.append(
            f"* The runner-up, {_label(rec['runner_up'])}, would win {change['condition']}."
        )
    if rec.get("ask_next"):
        asked = [lower_first(BY_NAME[name].label) for name in rec["ask_next"] if name in BY_NAME]
        lines += ["", "Worth finding out: " + ", ".join(asked) + "."]
    lines += ["", f"The full assessment, with every factor and its source: {url}"]
    return lines
