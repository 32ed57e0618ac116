import json
from pathlib import Path

import pytest

from architectures.decomposition import decompose, parse_monolith
from architectures.decomposition.granularity import LARGEST_SHARE, Choice

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "monoliths"


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (Choice(2.0, "given"), "Resolution 2, as asked."),
        (
            Choice(3.0, "teams", teams=1),
            "1 team: resolution 3, the one whose candidate count came nearest to one per team; "
            "7 candidates.",
        ),
        (
            Choice(1.5, "largest_share", modularity=0.4321),
            "Resolution 1.5: the best modularity (0.43) with no candidate holding more than 25% "
            "of the code (the largest holds 18%; 7 candidates).",
        ),
        (
            Choice(100.0, "largest_share", fits=False),
            "No resolution up to 100 keeps every candidate within 25% of the code; resolution "
            "100 comes closest (largest candidate 18%, 7 candidates).",
        ),
    ],
)
def test_the_reason_states_the_figures_of_the_final_split(choice, expected):
    granularity = choice.described(candidates=7, largest_share=0.18)
    assert (granularity.resolution, granularity.criterion) == (choice.resolution, choice.criterion)
    assert granularity.reason == expected


def test_a_chosen_granularity_reports_the_split_it_gave():
    monolith = parse_monolith(json.loads((FIXTURES / "back_office.json").read_text()))
    result = decompose(monolith)
    lines = {m.name: m.loc for m in monolith.modules}
    assert all(lines.values()), "the fixture measures code in lines"
    sizes = [sum(lines[m] for m in c.modules) for c in result.candidates]
    largest = max(sizes) / sum(sizes)
    assert largest <= LARGEST_SHARE
    assert f"the largest holds {largest:.0%}; {len(sizes)} candidates" in result.granularity.reason
