"""An architecture decision record (MADR style) of an assessment's verdict."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

STYLE_NAMES = {
    "monolith": "Monolith",
    "modular_monolith": "Modular monolith",
    "microservices": "Microservices",
    "incremental_migration": "Incremental migration to microservices",
}
OPTION_NOTES = {
    "monolith": "one deployable, one database; the cheapest to build and run",
    "modular_monolith": "one deployable with enforced module boundaries and a schema per module",
    "microservices": "one service per bounded domain, each owning its data",
    "incremental_migration": "carve one slice with its own data off the monolith at a time",
}


def to_adr(result: Mapping[str, Any], *, created: datetime, url: str) -> str:
    """The decision, its drivers, the options weighed and what would change it, as Markdown."""
    rec = result["recommendation"]
    chosen = STYLE_NAMES[rec["style"]]
    lines = [
        f"# {chosen} for our system",
        "",
        "* Status: proposed",
        f"* Date: {created:%Y-%m-%d}",
        f"* Source: Decider assessment {url}",
        "",
        "## Context and problem statement",
        "",
        "Should we build (or keep) one deployable, or split the system into services?",
        "",
        "## Decision drivers",
        "",
        *_drivers(result["factors"]),
        "",
        "## Considered options",
        "",
        *_options(rec),
        "",
        "## Decision outcome",
        "",
        f'Chosen option: "{chosen}", score {rec["score"]:+.2f} on a scale from -1 (monolith) '
        f"to +1 (microservices), confidence {rec['confidence']}.",
        "",
        rec["summary"],
        "",
        *_consequences(result),
        "## What would change this decision",
        "",
        *_flips(result["flips"]),
        "",
    ]
    return "\n".join(lines)


def _drivers(factors: list[dict[str, Any]]) -> list[str]:
    ranked = sorted(factors, key=lambda f: -abs(f["contribution"]))
    return [
        f"* {f['explanation']} ({f['contribution']:+.3f}; {f['source']})"
        for f in ranked
        if f["contribution"]
    ]


def _options(rec: Mapping[str, Any]) -> list[str]:
    """The engine's comparison of the four options, with their fits, pros and cons; for
    assessments saved before the comparison existed, the options named."""
    if not rec.get("options"):
        return [f"* {STYLE_NAMES[s]}: {note}" for s, note in OPTION_NOTES.items()]
    lines = []
    for option in rec["options"]:
        lines += ["", f"### {STYLE_NAMES[option['style']]} (fit {option['fit']:.2f})", ""]
        lines += [f"* Good, because {_lower(p)}" for p in option["pros"]]
        lines += [f"* Bad, because {_lower(c)}" for c in option["cons"]]
    return lines[1:]


def _lower(sentence: str) -> str:
    return sentence[0].lower() + sentence[1:] if sentence[1:2].islower() else sentence


def _consequences(result: Mapping[str, Any]) -> list[str]:
    findings = result.get("anti_patterns", [])
    if not findings:
        return []
    lines = ["### Risks to watch", ""]
    lines += [
        f"* {f['name']} ({f['severity']}): {f['message']} Remedy: {f['remedy']}" for f in findings
    ]
    return [*lines, ""]


def _flips(flips: list[dict[str, Any]]) -> list[str]:
    if not flips:
        return ["No change of one or two answers would change the architecture."]
    return [f"* {flip['description']}" for flip in flips]
