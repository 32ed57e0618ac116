import re
from datetime import UTC, datetime

from decider.engine import parse_answers, recommend
from decider.proposal.adr import to_adr
from tests.conftest import ANSWERS

# The section headings of the MADR 4.0 template (adr/madr, template/adr-template.md).
MADR_4 = (
    "## Context and Problem Statement",
    "## Decision Drivers",
    "## Considered Options",
    "## Decision Outcome",
    "### Consequences",
    "### Confirmation",
    "## Pros and Cons of the Options",
    "## More Information",
)


def result() -> dict:
    data = recommend(parse_answers(ANSWERS)).to_dict()
    data["anti_patterns"] = [
        {
            "name": "Local Logging",
            "severity": "medium",
            "message": "No central logs.",
            "remedy": "Aggregate.",
        }
    ]
    return data


def adr(data=None, **extra) -> str:
    answers = parse_answers(ANSWERS).to_dict()
    when = datetime(2026, 11, 26, tzinfo=UTC)
    return to_adr(data or result(), answers=answers, created=when, url="http://x/a/1/", **extra)


def test_it_follows_the_madr_4_template_in_order():
    text = adr()
    positions = [text.index(heading + "\n") for heading in MADR_4]
    assert positions == sorted(positions)
    front, title = text.split("---\n")[1], text.split("---\n")[2].strip().splitlines()[0]
    assert "status: proposed\n" in front and "date: 2026-11-26\n" in front
    assert "decision-makers:" in front
    assert title == "# Incremental migration for our system"


def test_it_names_the_project_and_the_answers_in_the_context():
    text = adr(project="Billing platform")
    assert "# Incremental migration for Billing platform" in text
    context = text.split("## Context and Problem Statement")[1].split("##")[0]
    assert "8 team(s)" in context and "releases constantly wait" in context
    assert "http://x/a/1/" in context


def test_the_drivers_are_the_largest_factors_rounded_as_the_page_rounds():
    data = result()
    drivers = adr(data).split("## Decision Drivers")[1].split("##")[0].strip().splitlines()
    top = max(data["factors"], key=lambda f: abs(f["contribution"]))
    assert drivers[0].startswith(f"* {top['explanation']} ({top['contribution']:+.3f};")


def test_the_options_and_their_pros_and_cons_come_from_the_comparison():
    data = result()
    text = adr(data)
    options = text.split("## Considered Options")[1].split("##")[0]
    for option in data["recommendation"]["options"]:
        assert f"(fit {option['fit']:.2f})" in options
    assert "### Modular monolith\n" in text
    assert "* Good, because each part scales on its own." in text
    assert re.search(r'Chosen option: "Incremental migration", because ', text)


def test_the_consequences_include_the_anti_patterns_to_watch():
    text = adr()
    consequences = text.split("### Consequences")[1].split("###")[0]
    assert "Local Logging (medium): No central logs. Remedy: Aggregate." in consequences


def test_the_confirmation_names_the_four_delivery_metrics():
    confirmation = adr().split("### Confirmation")[1].split("##")[0]
    for metric in ("lead time", "deployment frequency", "change failure rate", "time to restore"):
        assert metric in confirmation


def test_an_assessment_saved_before_the_comparison_still_gets_a_record():
    data = result()
    for key in ("options", "runner_up_change", "robustness_summary"):
        data["recommendation"].pop(key)
    text = adr(data)
    assert all(heading in text for heading in MADR_4)
    assert "predates the comparison" in text
    assert "(fit" not in text  # no figures made up for options never compared


def test_pros_and_cons_read_as_sentences_after_because():
    data = result()
    option = data["recommendation"]["options"][0]
    option["pros"], option["cons"] = ["A failing part need not take the rest down."], []
    text = adr(data)
    assert "* Good, because a failing part need not take the rest down." in text
