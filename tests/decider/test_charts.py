import xml.etree.ElementTree as ET

from decider.charts import factor_chart

FACTORS = [
    {"factor": "consistency", "contribution": -0.1, "explanation": "Strict."},
    {"factor": "teams", "label": "Teams", "contribution": 0.2, "explanation": "Many <teams>."},
    {"factor": "org", "contribution": 0.0, "explanation": "Nothing."},
]


def test_the_chart_is_valid_svg_with_a_bar_per_factor_that_weighs_largest_first():
    root = ET.fromstring(factor_chart(FACTORS))
    bars = root.findall("{http://www.w3.org/2000/svg}g")
    assert [b.get("class") for b in bars] == ["bar toward", "bar against"]


def test_bars_carry_the_human_label_or_the_name_in_words():
    labels = [
        t.text
        for t in ET.fromstring(factor_chart(FACTORS)).iter()
        if t.get("text-anchor") == "end" and t.tag.endswith("text")
    ]
    assert labels[1:] == ["Teams", "Consistency"]


def test_positive_bars_grow_right_and_negative_left_of_zero():
    root = ET.fromstring(factor_chart(FACTORS))
    rects = root.findall(".//{http://www.w3.org/2000/svg}rect")
    zero = float(root.find("{http://www.w3.org/2000/svg}line").get("x1"))
    assert float(rects[0].get("x")) == zero
    assert float(rects[1].get("x")) + float(rects[1].get("width")) == zero
    assert float(rects[0].get("width")) > float(rects[1].get("width"))


def test_the_chart_escapes_text_and_rounds_like_the_table():
    svg = factor_chart(FACTORS + [{"factor": "x", "contribution": -0.0455, "explanation": "."}])
    assert "&lt;teams&gt;." in svg
    assert "-0.046" in svg
