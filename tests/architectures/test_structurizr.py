from pathlib import Path

from architectures.model import Architecture, Component, Kind, Link
from architectures.structurizr import quote, to_structurizr
from tests.architectures.renderers import structurizr_errors
from tests.architectures.test_mermaid import shop

GOLDEN = Path(__file__).parent / "golden"
HOSTILE = 'x" }\nworkspace { \\"'


def test_it_matches_the_golden_workspace():
    expected = (GOLDEN / "shop.dsl").read_text()
    assert to_structurizr(shop(), title="Shop") == expected


def test_it_has_a_container_per_component_people_for_clients_and_every_relationship():
    text = to_structurizr(shop())
    assert text.count(" = container ") == 5 and text.count(" = person ") == 1
    assert text.count(" -> ") == 5
    assert 'container system "Containers"' in text


def test_the_technology_comes_from_the_language_or_the_engine():
    architecture = Architecture(
        (
            Component("api", Kind.SERVICE, language="Go"),
            Component("db", Kind.DATASTORE, engine="PostgreSQL"),
        ),
        (Link("api", "db"),),
    )
    text = to_structurizr(architecture)
    assert 'container "api" "" "Go" "Service"' in text
    assert 'container "db" "" "PostgreSQL" "Database"' in text
    assert 'c1 -> c2 "Reads from and writes to" "sync"' in text


def test_quotes_and_backslashes_stay_inside_the_string():
    assert quote('a"b\\c') == '"a\\"b\\\\c"'
    assert quote("one\ntwo") == '"one two"'


def test_the_structurizr_grammar_accepts_the_export():
    assert structurizr_errors(to_structurizr(shop(), title="Shop")) == []


def test_the_grammar_accepts_hostile_names_as_plain_strings():
    hostile = Architecture((Component(HOSTILE.replace("\n", " "), Kind.SERVICE, team=HOSTILE),))
    text = to_structurizr(hostile, title=HOSTILE)
    assert structurizr_errors(text) == []
    assert text.count("\nworkspace") == 0 and text.startswith("workspace ")


def test_the_grammar_refuses_a_broken_workspace():
    assert structurizr_errors("workspace { model { x = } }") != []
