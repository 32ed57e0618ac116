"""Making and reading decompositions: the service layer between views and the core in
`architectures.decomposition`.

A saved Decomposition keeps the normalised monolith, the options it ran with and the
result; the diagrams are drawn again from the saved result, never by re-running the
clustering. Reading inputs is the format registry's (`architectures.monolith_formats`);
what the pages show is beside their views.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.tasks import TaskResult
from django.urls import reverse

from architectures.decomposition.granularity import Granularity
from architectures.decomposition.metrics import Metrics
from architectures.decomposition.monolith import Monolith, parse_monolith
from architectures.decomposition.plan import CallFlow, SharedTable
from architectures.decomposition.split import Candidate, Split, decompose
from decider.exports import Drawing, diagram_urls
from decider.jobs.queue import enqueue_call
from decider.models import Decomposition


def create_decomposition(
    *,
    monolith: Monolith,
    resolution: float | None = None,
    pins: Mapping[str, str] | None = None,
    teams: int | None = None,
) -> Decomposition:
    """Decompose and save; raises `MonolithInvalid` for a bad option. Without a
    resolution, the granularity is chosen (for `teams`, when given)."""
    saved = new_decomposition(monolith=monolith, resolution=resolution, pins=pins, teams=teams)
    saved.save(force_insert=True)
    return saved


def start_decomposition(
    *,
    monolith: Monolith,
    resolution: float | None = None,
    pins: Mapping[str, str] | None = None,
    teams: int | None = None,
) -> Decomposition | TaskResult:
    """Decompose and save now, or, for a monolith of more than
    `settings.DECOMPOSITION_TASK_MODULES` modules, queue it for a worker and return the
    pending task (its result is `decompose_saved`'s)."""
    if len(monolith.modules) > settings.DECOMPOSITION_TASK_MODULES:
        return enqueue_call(
            decompose_saved, monolith.to_dict(), resolution, dict(pins or {}), teams
        )
    return create_decomposition(monolith=monolith, resolution=resolution, pins=pins, teams=teams)


def decompose_saved(
    monolith: dict[str, Any],
    resolution: float | None,
    pins: dict[str, str],
    teams: int | None = None,
) -> dict[str, str]:
    """What a worker runs for a queued decomposition: decompose, save, and say where the
    result is (the progress page sends the browser to `url`)."""
    saved = create_decomposition(
        monolith=parse_monolith(monolith), resolution=resolution, pins=pins, teams=teams
    )
    return {
        "id": str(saved.id),
        "url": saved.get_absolute_url(),
        "api_url": reverse("api:get_decomposition", kwargs={"item_id": str(saved.id)}),
    }


def new_decomposition(
    *,
    monolith: Monolith,
    resolution: float | None = None,
    pins: Mapping[str, str] | None = None,
    teams: int | None = None,
    title: str = "",
) -> Decomposition:
    """The decomposition, not saved (the command line saves on request)."""
    pins = dict(pins or {})
    result = decompose(monolith, resolution=resolution, pins=pins, teams=teams)
    data = monolith.to_dict()
    options = {"resolution": resolution, "pins": pins, "teams": teams}
    return Decomposition(
        monolith=data,
        options=options,
        digest=_digest(data, options),
        result=result.to_dict(),
        title=title,
    )


def rerun_decomposition(
    saved: Decomposition,
    *,
    resolution: float | None,
    pins: Mapping[str, str],
    teams: int | None = None,
) -> Decomposition | TaskResult:
    """The same monolith with other options: an earlier run with exactly these options is
    reused, so moving the slider back and forth does not pile up copies."""
    options = {"resolution": resolution, "pins": dict(pins), "teams": teams}
    if earlier := Decomposition.objects.filter(digest=_digest(saved.monolith, options)).first():
        return earlier
    return start_decomposition(monolith=parse_monolith(saved.monolith), **options)


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
        "diagram": diagram_urls(saved),
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


def drawing(saved: Decomposition) -> Drawing:
    """What the decomposition's downloads are made of: its candidates."""
    return Drawing(saved.title or "Service candidates", split=saved_result(saved.result))
