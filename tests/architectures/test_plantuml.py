from pathlib import Path

from architectures.model import Architecture, Component, Kind
from architectures.plantuml import escape, to_plantuml
from tests.architectures.test_mermaid import shop

GOLDEN = Path(__file__).parent / "golden"


def test_it_matches_the_golden_diagram():
    expected = (GOLDEN / "shop.puml").read_text()
    assert to_plantuml(shop(), marks={"billing": [2, 5]}) == expected


def test_it_has_every_component_and_link():
    text = to_plantuml(shop())
    assert text.startswith("@startuml\n") and text.endswith("@enduml\n")
    assert text.count(" --> ") == 3 and text.count(" ..> ") == 2
    assert all(f" as n{i}" in text for i in range(1, 7))


def test_it_escapes_quotes_backslashes_and_creole_markup():
    assert escape('a"b') == "a&#34;b"
    assert escape("**bold** \\n") == "&#42;&#42;bold&#42;&#42; &#92;n"
    assert escape("<b>") == "&#60;b&#62;"


def test_hostile_names_stay_inside_their_quoted_label():
    name = "x\" as n9\nn9 --> n1 ' <img src=x>".replace("\n", " ")
    text = to_plantuml(Architecture((Component(name, Kind.SERVICE),)))
    line = next(x for x in text.splitlines() if x.startswith("component"))
    assert line.count('"') == 2 and line.endswith(" as n1")


def test_plantuml_reads_the_export_hostile_names_included():
    from tests.architectures.renderers import plantuml_errors

    hostile = Architecture((Component('x" as n9 @enduml', Kind.SERVICE, team="**t**"),))
    assert plantuml_errors(to_plantuml(shop(), marks={"billing": [2, 5]})) == []
    assert plantuml_errors(to_plantuml(hostile)) == []
    assert plantuml_errors("@startuml\ncomponent {{{\n@enduml\n") != []
