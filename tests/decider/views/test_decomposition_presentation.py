import json

from decider.views.decomposition_presentation import (
    EXAMPLES,
    METRICS,
    example_text,
    readable_width,
)


def test_every_example_is_a_valid_monolith_whose_label_counts_its_modules():
    for example in EXAMPLES:
        text = example_text(example.slug)
        assert text
        if example.filename.endswith(".json"):
            count = len(json.loads(text)["modules"])
            assert f"(JSON, {count} modules)" in example.label
    labels = {e.slug: e.label for e in EXAMPLES}
    assert labels["shop"] == "A small online shop (JSON, 19 modules)"
    assert labels["bookshop"].startswith("A bookshop (CSV, ")
    assert example_text("../settings") is None


def test_every_metric_says_which_way_is_better_and_where_it_comes_from():
    assert {m.key for m in METRICS} == {
        "structural_modularity",
        "inter_call_percentage",
        "interface_number",
        "non_extreme_distribution",
    }
    assert all(m.better in ("higher", "lower") and m.source for m in METRICS)


def test_a_diagram_is_never_drawn_below_60_percent_of_its_natural_size():
    svg = '<svg width="1278pt" height="652pt" viewBox="0 0 1278 652">'
    assert readable_width(svg) == round(1278 * 4 / 3 * 0.6)
    assert readable_width(None) is None and readable_width("<svg>") is None


def test_the_readable_width_is_one_of_the_stylesheets_classes():
    from pathlib import Path

    from decider.views.decomposition_presentation import readable_class

    wide = '<svg width="1278pt" height="652pt">'
    assert readable_class(wide) == "readable-1200"  # 1278 pt = 1704 px, 60% of it 1022
    assert readable_class('<svg width="200pt">') == ""
    assert readable_class(None) == ""
    css = (Path(__file__).resolve().parents[3] / "static" / "css" / "decider.css").read_text()
    for width in range(600, 3001, 200):
        assert f".readable-{width} svg {{ min-width: {width}px; }}" in css
