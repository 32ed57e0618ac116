import json
from pathlib import Path

import pytest

from architectures.decomposition import parse_monolith
from architectures.decomposition.diagram import to_dot
from architectures.decomposition.monolith import MonolithInvalid
from decider.decompositions import (
    DEFAULT_STEP,
    RESOLUTION_STEPS,
    create_decomposition,
    decomposition_payload,
    describe_location,
    diagram_sources,
    example_text,
    read_monolith_text,
    read_request,
    rerun_decomposition,
    resolution_step,
    saved_result,
    split_pins,
    step_resolution,
)
from decider.models import Decomposition

MONOLITHS = Path(__file__).resolve().parents[2] / "fixtures" / "monoliths"


def shop_data() -> dict:
    return json.loads((MONOLITHS / "shop.json").read_text())


def test_the_slider_steps_run_from_the_lowest_to_the_highest_resolution():
    assert RESOLUTION_STEPS[0] == 0.05 and RESOLUTION_STEPS[-1] == 100.0
    assert step_resolution(DEFAULT_STEP) == 1.0
    assert list(RESOLUTION_STEPS) == sorted(RESOLUTION_STEPS)
    assert all(resolution_step(r) == i for i, r in enumerate(RESOLUTION_STEPS))
    assert resolution_step(1.2) == DEFAULT_STEP
    assert step_resolution(99) == 100.0


def test_it_reads_json_and_csv_text():
    assert len(read_monolith_text(json.dumps(shop_data())).modules) == len(shop_data()["modules"])
    csv = read_monolith_text((MONOLITHS / "bookshop.csv").read_text())
    assert "orders.checkout" in {m.name for m in csv.modules}


def test_bad_text_names_where_the_problem_is():
    with pytest.raises(MonolithInvalid) as json_error:
        read_monolith_text('{"modules": [}')
    assert "Not valid JSON" in json_error.value.problems[0].msg
    with pytest.raises(MonolithInvalid) as csv_error:
        read_monolith_text("source,target,count\na,b,many\n")
    assert csv_error.value.problems[0].loc == ("line", 2)
    with pytest.raises(MonolithInvalid) as empty:
        read_monolith_text("  \n")
    assert empty.value.problems[0].type == "missing"


def test_pins_are_read_one_per_line_split_at_the_last_equals_sign():
    text = "# comment\n web.checkout = checkout \n\na=b = c\n"
    assert split_pins(text) == ({"web.checkout": "checkout", "a=b": "c"}, [])
    pins, problems = split_pins("fine = ok\nno sign\n= nameless")
    assert pins == {"fine": "ok"}
    assert [p.loc for p in problems] == [("pins", "line", 2), ("pins", "line", 3)]


def test_a_request_names_every_problem_with_the_options_too():
    with pytest.raises(MonolithInvalid) as invalid:
        read_request({"modules": "nope", "resolution": True, "pins": []})
    locs = [p.loc for p in invalid.value.problems]
    assert locs == [("modules",), ("resolution",), ("pins",)]
    monolith, options = read_request(shop_data() | {"resolution": 2, "teams": 3})
    assert options.resolution == 2.0 and options.pins == {} and options.teams == 3
    assert monolith.modules
    assert read_request(shop_data())[1].resolution is None


def test_locations_read_like_paths():
    assert describe_location(("line", 7)) == "line 7"
    assert describe_location(("modules", 3, "calls", "b")) == "modules[3].calls.b"
    assert describe_location(("pins", "orders.cart")) == "pins['orders.cart']"
    assert describe_location(("pins", "line", 2)) == "pins line 2"
    assert describe_location(()) == ""


def test_every_example_is_a_valid_monolith():
    for slug in ("shop", "back_office", "bookshop"):
        assert read_monolith_text(example_text(slug)).modules
    assert example_text("../settings") is None


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
    sources = diagram_sources(saved)
    assert sources.dot == to_dot(decompose(monolith))
    assert sources.text_exports["mmd"].startswith("flowchart LR")
    assert sources.text_exports["puml"].startswith("@startuml")
