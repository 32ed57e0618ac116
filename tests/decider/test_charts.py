import xml.etree.ElementTree as ET

from decider.charts import CENTRE, factor_chart

FACTORS = [
    {"factor": "consistency", "contribution": -0.1, "explanation": "Strict."},
    {"factor": "teams", "label": "Teams", "contribution": 0.2, "explanation": "Many <teams>."},
    {"factor": "org", "contribution": 0.0, "explanation": "Nothing."},
]


def bars(factors=FACTORS):
    return ET.fromstring(factor_chart(factors)).findall(".//li")


def test_the_chart_is_well_formed_with_a_bar_per_factor_that_weighs_largest_first():
    assert [b.get("class") for b in bars()] == ["bar toward", "bar against"]


def test_bars_carry_the_human_label_or_the_name_in_words_as_text():
    labels = [b.find("span[@class='label']").text for b in bars()]
    assert labels == ["Teams", "Consistency"]


def test_positive_bars_grow_right_and_negative_left_of_zero():
    toward, against = (b.find("svg/rect") for b in bars())
    assert float(toward.get("x")) == CENTRE
    assert float(against.get("x")) + float(against.get("width")) == CENTRE
    assert float(toward.get("width")) > float(against.get("width"))


def test_the_chart_escapes_text_and_rounds_like_the_table():
    html = factor_chart(FACTORS + [{"factor": "x", "contribution": -0.0455, "explanation": "."}])
    assert "&lt;teams&gt;." in html
    assert "-0.046" in html


def test_the_chart_has_no_inline_style():
    assert "style=" not in factor_chart(FACTORS)


def test_screen_readers_hear_the_direction_of_each_value():
    value = bars()[0].find("span[@class='value']")
    assert "".join(value.itertext()) == "+0.200 towards microservices"
