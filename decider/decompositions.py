"""Making and reading decompositions: the service layer between views and the core in
`architectures.decomposition`.

A saved Decomposition keeps the normalised monolith, the options it ran with and the
result; the diagrams are drawn again from the saved result, never by re-running the
clustering.
"""

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.conf import settings

from architectures.decomposition import diagram
from architectures.decomposition.csv_input import parse_csv
from architectures.decomposition.granularity import Granularity
from architectures.decomposition.metrics import Metrics
from architectures.decomposition.monolith import (
    Monolith,
    MonolithInvalid,
    Problem,
    parse_monolith,
)
from architectures.decomposition.options import option_problems
from architectures.decomposition.plan import CallFlow, SharedTable
from architectures.decomposition.split import Candidate, Split, decompose
from decider.assessments import diagram_urls
from decider.models import Decomposition

# The granularity slider's stops: roughly logarithmic, so each step changes the
# candidate count by a similar factor. Index 6 is the core's default resolution.
RESOLUTION_STEPS = (
    *(0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0),
    *(15.0, 20.0, 30.0, 50.0, 70.0, 100.0),
)
DEFAULT_STEP = RESOLUTION_STEPS.index(1.0)


@dataclass(frozen=True)
class Example:
    slug: str
    title: str
    filename: str


EXAMPLES = (
    Example("shop", "A small online shop (JSON, 20 modules)", "shop.json"),
    Example("back_office", "A back-office system (JSON, 116 modules)", "back_office.json"),
    Example("bookshop", "A bookshop (CSV)", "bookshop.csv"),
)


@dataclass(frozen=True)
class Metric:
    key: str
    name: str
    better: str
    definition: str
    source: str


METRICS = (
    Metric(
        "structural_modularity",
        "Structural modularity (SM)",
        "higher",
        "The average cohesion of the candidates (the share of module pairs inside a "
        "candidate that call each other) minus the average coupling between pairs of "
        "candidates (the share of module pairs across two candidates that call each other).",
        "Jin et al., IEEE TSE 2019",
    ),
    Metric(
        "inter_call_percentage",
        "Inter-call percentage (ICP)",
        "lower",
        "The share of call weight that crosses candidates, each call edge weighing "
        "ln(count) + 1: how much of today's in-process calling would become network calls.",
        "Kalia et al., Mono2Micro, FSE 2021",
    ),
    Metric(
        "interface_number",
        "Interface number (IFN)",
        "lower",
        "The average number of modules per candidate that another candidate calls: the "
        "size of the API each service would have to publish.",
        "Jin et al., IEEE TSE 2019",
    ),
    Metric(
        "non_extreme_distribution",
        "Non-extreme distribution (NED)",
        "lower",
        "The share of modules in candidates that are too small or too large (outside 5 to "
        "20 modules).",
        "Kalia et al., Mono2Micro, FSE 2021",
    ),
)


def example_text(slug: str) -> str | None:
    """The text of an example monolith from `fixtures/monoliths/`, or None if unknown."""
    for example in EXAMPLES:
        if example.slug == slug:
            path = settings.BASE_DIR / "fixtures" / "monoliths" / example.filename
            return path.read_text(encoding="utf-8")
    return None


def step_resolution(step: int) -> float:
    return RESOLUTION_STEPS[max(0, min(step, len(RESOLUTION_STEPS) - 1))]


def resolution_step(resolution: float) -> int:
    """The slider stop nearest to `resolution` (on a log scale)."""
    return min(
        range(len(RESOLUTION_STEPS)),
        key=lambda i: abs(math.log(RESOLUTION_STEPS[i]) - math.log(resolution)),
    )


def read_monolith_text(text: str) -> Monolith:
    """A monolith pasted or uploaded as JSON (text starting with `{`) or as the CSV format
    of `csv_input`; raises `MonolithInvalid`."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        msg = "Paste a monolith as JSON or CSV, or upload a file."
        raise MonolithInvalid([Problem((), msg, "missing")])
    if stripped[0] not in "{[":
        return parse_csv(stripped)
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as error:
        msg = f"Not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        raise MonolithInvalid([Problem((), msg, "json_invalid")]) from None
    except (ValueError, RecursionError):
        raise MonolithInvalid([Problem((), "Not valid JSON.", "json_invalid")]) from None
    return parse_monolith(data)


def split_pins(text: str) -> tuple[dict[str, str], list[Problem]]:
    """The pins of the well-formed lines, and a problem for each other line."""
    pins: dict[str, str] = {}
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if (pin := parse_pin(line)) is None:
            problems.append(Problem(("pins", "line", number), PIN_MSG))
        else:
            pins[pin[0]] = pin[1]
    return pins, problems


PIN_MSG = "Write each pin as 'module = candidate'."


def parse_pin(text: str) -> tuple[str, str] | None:
    """`module = candidate` as a pair, split at the last `=`; None when either is empty."""
    module, sep, candidate = (part.strip() for part in text.rpartition("="))
    return (module, candidate) if sep and module and candidate else None


@dataclass(frozen=True)
class Options:
    resolution: float | None = None  # None: chosen by the stated criterion
    pins: Mapping[str, str] | None = None
    teams: int | None = None


def read_request(data: Any) -> tuple[Monolith, Options]:
    """The API's JSON body: a Monolith with optional `resolution`, `pins` and `teams`
    beside `modules`. Raises `MonolithInvalid` naming every problem found."""
    if not isinstance(data, Mapping):
        raise MonolithInvalid([Problem((), "A monolith must be an object.", "dict_type")])
    resolution, pins, teams = data.get("resolution"), data.get("pins", {}), data.get("teams")
    try:
        monolith = parse_monolith(data)
    except MonolithInvalid as invalid:
        more = option_problems(None, resolution, pins, teams)
        raise MonolithInvalid(invalid.problems + more) from None
    if problems := option_problems(module_names(monolith), resolution, pins, teams):
        raise MonolithInvalid(problems)
    return monolith, Options(None if resolution is None else float(resolution), pins, teams)


def module_names(monolith: Monolith) -> set[str]:
    return {m.name for m in monolith.modules}


def create_decomposition(
    *,
    monolith: Monolith,
    resolution: float | None = None,
    pins: Mapping[str, str] | None = None,
    teams: int | None = None,
) -> Decomposition:
    """Decompose and save; raises `MonolithInvalid` for a bad option. Without a
    resolution, the granularity is chosen (for `teams`, when given)."""
    pins = dict(pins or {})
    result = decompose(monolith, resolution=resolution, pins=pins, teams=teams)
    data = monolith.to_dict()
    options = {"resolution": resolution, "pins": pins, "teams": teams}
    return Decomposition.objects.create(
        monolith=data,
        options=options,
        digest=_digest(data, options),
        result=result.to_dict(),
    )


def rerun_decomposition(
    saved: Decomposition,
    *,
    resolution: float | None,
    pins: Mapping[str, str],
    teams: int | None = None,
) -> Decomposition:
    """The same monolith with other options: an earlier run with exactly these options is
    reused, so moving the slider back and forth does not pile up copies."""
    options = {"resolution": resolution, "pins": dict(pins), "teams": teams}
    if earlier := Decomposition.objects.filter(digest=_digest(saved.monolith, options)).first():
        return earlier
    return create_decomposition(monolith=parse_monolith(saved.monolith), **options)


def _digest(monolith: Mapping[str, Any], options: Mapping[str, Any]) -> str:
    text = json.dumps([monolith, options], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def decomposition_payload(saved: Decomposition) -> dict[str, Any]:
    """The API's decomposition answer: the saved result plus identity and links."""
    return {
        "id": saved.id,
        "url": saved.get_absolute_url(),
        "created": saved.created,
        "module_count": len(saved.monolith["modules"]),
        "pins": saved.options.get("pins", {}),
        "teams": saved.options.get("teams"),
        "notes": saved.monolith.get("notes", []),
        "unplaced": [],
        "granularity": {
            "resolution": saved.result["resolution"],
            "criterion": "given",
            "reason": "",
        },
        **saved.result,
        "diagram": diagram_urls("decompositions", saved.id),
    }


def saved_result(result: Mapping[str, Any]) -> Split:
    """The core's Decomposition from a saved result, enough to draw it (the plan is left
    out: the diagram does not show it)."""
    return Split(
        candidates=tuple(
            Candidate(
                c["name"], tuple(c["modules"]), tuple(c["tables"]), tuple(c.get("undecided", ()))
            )
            for c in result["candidates"]
        ),
        shared_tables=tuple(
            SharedTable(s["table"], s["owner"], tuple(s["candidates"]))
            for s in result["shared_tables"]
        ),
        plan=(),
        metrics=Metrics(**result["metrics"]),
        calls=tuple(CallFlow(c["caller"], c["callee"], c["calls"]) for c in result["calls"]),
        resolution=result["resolution"],
        unplaced=tuple(result.get("unplaced", ())),
        granularity=Granularity(**result["granularity"]) if "granularity" in result else None,
    )


class DiagramSources(NamedTuple):
    dot: str
    text_exports: dict[str, str]


def diagram_sources(saved: Decomposition) -> DiagramSources:
    result = saved_result(saved.result)
    exports = {"mmd": diagram.to_mermaid(result), "puml": diagram.to_plantuml(result)}
    return DiagramSources(diagram.to_dot(result), exports)


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
