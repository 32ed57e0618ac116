import json
from pathlib import Path

import pytest

from architectures.decomposition import parse_monolith
from architectures.decomposition.diagram import to_dot
from decider.decompositions import (
    create_decomposition,
    decomposition_payload,
    drawing,
    rerun_decomposition,
    saved_result,
)
from decider.exports import BY_NAME
from decider.models import Decomposition

MONOLITHS = Path(__file__).resolve().parents[2] / "fixtures" / "monoliths"


def shop_data() -> dict:
    return json.loads((MONOLITHS / "shop.json").read_text())


@pytest.mark.django_db
def test_creating_saves_the_monolith_options_and_result():
    saved = create_decomposition(
        monolith=parse_monolith(shop_data()), resolution=0.5, pins={"cart.basket": "cart"}
    )
    saved.refresh_from_db()
    assert saved.options["resolution"] == 0.5
    assert saved.options["pins"] == {"cart.basket": "cart"}
    assert "cart" in {c["name"] for c in saved.result["candidates"]}
    payload = decomposition_payload(saved)
    assert payload["url"] == saved.get_absolute_url()
    assert "digest" not in payload and payload["pins"] == {"cart.basket": "cart"}


@pytest.mark.django_db
def test_a_rerun_with_the_same_options_reuses_the_earlier_one():
    first = create_decomposition(monolith=parse_monolith(shop_data()), resolution=1.0)
    coarse = rerun_decomposition(first, resolution=0.2, pins={})
    assert coarse.pk != first.pk
    assert len(coarse.result["candidates"]) < len(first.result["candidates"])
    assert rerun_decomposition(first, resolution=0.2, pins={}).pk == coarse.pk
    assert rerun_decomposition(coarse, resolution=1.0, pins={}).pk == first.pk
    assert Decomposition.objects.count() == 2


@pytest.mark.django_db
def test_the_diagram_is_drawn_from_the_saved_result_as_the_core_draws_it():
    from architectures.decomposition.split import decompose

    monolith = parse_monolith(shop_data())
    saved = create_decomposition(monolith=monolith)
    assert saved_result(saved.result).to_dict() | {"plan": []} == saved.result | {"plan": []}
    drawn = drawing(saved)
    assert drawn.dot() == to_dot(decompose(monolith))
    assert BY_NAME["mmd"].renderer("decomposition")(drawn).startswith("flowchart LR")
    assert BY_NAME["puml"].renderer("decomposition")(drawn).startswith("@startuml")


@pytest.mark.django_db(transaction=True)
def test_a_monolith_past_the_threshold_is_queued_and_a_worker_saves_it(settings):
    from django.tasks import TaskResult

    from decider.decompositions import start_decomposition
    from decider.jobs.queue import describe
    from tests.decider.jobs.worker import run_worker

    monolith = parse_monolith(shop_data())
    settings.DECOMPOSITION_TASK_MODULES = len(monolith.modules) - 1
    pending = start_decomposition(monolith=monolith, resolution=0.5, pins={"cart.basket": "cart"})
    assert isinstance(pending, TaskResult) and Decomposition.objects.count() == 0
    run_worker()
    saved = Decomposition.objects.get()
    assert saved.options == {"resolution": 0.5, "pins": {"cart.basket": "cart"}, "teams": None}
    assert saved.monolith == monolith.to_dict()
    done = describe(str(pending.id))
    assert done["status"] == "done" and done["url"] == saved.get_absolute_url()
    assert done["result"]["api_url"] == f"/api/v1/decompositions/{saved.pk}"


@pytest.mark.django_db
def test_a_monolith_at_the_threshold_is_decomposed_at_once(settings):
    from decider.decompositions import start_decomposition

    monolith = parse_monolith(shop_data())
    settings.DECOMPOSITION_TASK_MODULES = len(monolith.modules)
    assert isinstance(start_decomposition(monolith=monolith), Decomposition)
