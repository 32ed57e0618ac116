import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from architectures.decomposition import decompose, parse_monolith
from architectures.decomposition.diagram import to_dot, to_mermaid, to_plantuml

HOSTILE = [
    '"]; evil [label="x',
    "<b>bold</b>",
    "back\\Nslash",
    "@enduml [[http://x]]",
    "a --> b %% }",
    "<script>alert(1)</script>",
]


def hostile_decomposition():
    modules = [{"name": name, "tables": {name + "_t": "rw"}, "calls": {}} for name in HOSTILE]
    modules[0]["calls"] = {HOSTILE[1]: 3}
    modules[1]["tables"]["shared<table>"] = "w"
    modules[2]["tables"]["shared<table>"] = "w"
    pins = {HOSTILE[0]: 'pin"}; x', HOSTILE[1]: 'pin"}; x', HOSTILE[2]: "<i>team</i>"}
    return decompose(parse_monolith({"modules": modules}), pins=pins)


def test_dot_ids_are_generated_and_labels_escaped():
    source = to_dot(hostile_decomposition())
    ids = re.findall(r"^\s*(\S+) \[", source, flags=re.MULTILINE)
    assert ids and all(re.fullmatch(r"[cs]\d+|note|graph|node|edge", i) for i in ids)
    assert "label=<" not in source  # never an HTML-like label
    assert "back\\\\Nslash" in source


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_dot_renders_hostile_names_as_plain_text():
    svg = subprocess.run(
        ["dot", "-Tsvg"],
        input=to_dot(hostile_decomposition()).encode(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<b>" not in svg and "back\\Nslash" in svg


def test_mermaid_labels_cannot_break_out():
    text = to_mermaid(hostile_decomposition())
    assert text.startswith("flowchart LR\n")
    for name in HOSTILE:
        assert name not in text
    for label in re.findall(r'"([^"]*)"', text):
        assert re.fullmatch(r"[A-Za-z0-9 _.\-#;]*", label)
    assert ":::shared" in text


def test_plantuml_labels_cannot_break_out():
    text = to_plantuml(hostile_decomposition())
    assert text.startswith("@startuml\n") and text.count("@enduml") == 1
    for label in re.findall(r'"([^"]*)"', text):
        assert re.fullmatch(r"[A-Za-z0-9 _.\-#;&]*", label)
    assert "[[" not in text and "<script>" not in text


def test_big_candidates_are_collapsed():
    names = [f"billing.part{i}" for i in range(30)]
    modules = [
        {"name": n, "tables": {"invoices": "rw"}, "calls": {names[0]: 1} if n != names[0] else {}}
        for n in names
    ]
    decomposition = decompose(parse_monolith({"modules": modules}), resolution=1.0)
    source = to_dot(decomposition)
    assert "+18 more modules" in source
    assert source.count("billing.part") == 12
    assert "#43;18 more modules" in to_mermaid(decomposition)


def test_cross_candidate_calls_carry_their_summed_counts():
    modules = [
        {"name": "a1", "tables": {"a": "rw"}, "calls": {"b1": 4, "b2": 3}},
        {"name": "a2", "tables": {"a": "rw"}, "calls": {"a1": 9}},
        {"name": "b1", "tables": {"b": "rw"}, "calls": {"b2": 9}},
        {"name": "b2", "tables": {"b": "rw"}},
    ]
    decomposition = decompose(
        parse_monolith({"modules": modules}), pins={"a1": "left", "a2": "left"}
    )
    assert "xlabel=7" in to_dot(decomposition)
    assert '-->|"7"|' in to_mermaid(decomposition)


def back_office():
    path = Path(__file__).resolve().parents[3] / "fixtures" / "monoliths" / "back_office.json"
    return decompose(parse_monolith(json.loads(path.read_text())), resolution=1.0)


def test_a_large_decomposition_is_drawn_as_an_overview_of_candidates_sized_by_modules():
    decomposition = back_office()
    source = to_dot(decomposition)
    assert "subgraph" not in source and "lhead" not in source
    assert not any(m in source for c in decomposition.candidates for m in c.modules)
    sizes = {}
    for number, candidate in enumerate(decomposition.candidates, start=1):
        line = next(x for x in source.splitlines() if f'URL="#candidate-{number}-modules"' in x)
        assert f"{len(candidate.modules)} modules" in line
        sizes[len(candidate.modules)] = float(re.search(r"width=([0-9.]+)", line).group(1))
    assert [sizes[n] for n in sorted(sizes)] == sorted(sizes.values())
    assert sizes[min(sizes)] < sizes[max(sizes)]
    assert "xlabel=" in source and " label=" not in source.split("->", 1)[1]


def test_a_small_decomposition_lists_each_candidates_modules_in_its_box():
    source = to_dot(hostile_decomposition())
    assert "subgraph" not in source
    assert source.count('URL="#candidate-') == len(hostile_decomposition().candidates)
    assert "1 module" in source
