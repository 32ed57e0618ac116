import json
from collections import Counter
from pathlib import Path

import pytest

from architectures.microtosca import (
    MAX_BYTES,
    MicroToscaInvalid,
    export_microtosca,
    import_microtosca,
)
from architectures.model import ArchitectureInvalid, Kind, LinkStyle, parse_architecture

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "architectures"

# Written the way microFreshener's own exporter writes a file.
MICROFRESHENER_YAML = """
tosca_definitions_version: micro_tosca_yaml_1.1
description: shop
imports:
- micro: https://di-unipi-socc.github.io/microTOSCA/1.1/microTOSCA.yaml
topology_template:
  node_templates:
    ingress:
      type: micro.nodes.MessageRouter.KIngress
      requirements:
      - interaction: {node: front, relationship: t}
    front:
      type: micro.nodes.Service
      requirements:
      - interaction: {node: orders, relationship: tcd}
      - interaction: queue
      - deployed_on: {node: vm}
    orders:
      type: micro.nodes.Service
      requirements:
      - interaction: db
      - interaction: queue
      - deployed_on: {node: vm}
    db:
      type: micro.nodes.Datastore
    queue:
      type: micro.nodes.MessageBroker
    vm:
      type: micro.nodes.Compute
  groups:
    edgenodes:
      type: micro.groups.Edge
      members: [ingress]
    shop-team:
      type: micro.groups.Team
      members: [front, orders, db]
  relationship_templates:
    t: {type: micro.relationships.InteractsWith, properties: {timeout: true}}
    tcd:
      type: micro.relationships.InteractsWith
      properties: {timeout: true, circuit_breaker: true, dynamic_discovery: true}
"""


def load(name):
    return parse_architecture(json.loads((FIXTURES / f"{name}.json").read_text()))


def same(first, second):
    assert Counter(first.components) == Counter(second.components)
    assert Counter(first.links) == Counter(second.links)


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.json")))
def test_export_then_import_gives_the_same_architecture(name):
    architecture = load(name)
    same(import_microtosca(export_microtosca(architecture)), architecture)


def test_what_microtosca_cannot_say_survives_the_round_trip_in_metadata():
    architecture = parse_architecture(
        {
            "components": [
                {"name": "web", "kind": "client"},
                {"name": "admin", "kind": "client"},
                {"name": "bus", "kind": "esb", "deploy_unit": "bus-vm"},
                {
                    "name": "a",
                    "kind": "service",
                    "deploy_unit": "b",
                    "language": "go",
                    "layer": "data",
                    "load": "high",
                    "team": "edge",
                },
                {"name": "b", "kind": "service", "deploy_unit": "b"},
                {"name": "events", "kind": "broker"},
                {"name": "db", "kind": "datastore", "engine": "postgresql", "owner": "a"},
            ],
            "links": [
                {"source": "web", "target": "bus"},
                {"source": "admin", "target": "db"},
                {"source": "a", "target": "b", "style": "async"},
                {"source": "a", "target": "events", "style": "sync", "timeout": True},
                {"source": "events", "target": "b", "style": "async", "circuit_breaker": True},
                {"source": "events", "target": "db", "style": "async"},
                {"source": "db", "target": "a"},
                {"source": "a", "target": "a"},
            ],
        }
    )
    text = export_microtosca(architecture)
    assert "b (unit)" in text
    same(import_microtosca(text), architecture)


def test_notes_and_modules_survive_the_round_trip():
    monolith = parse_architecture({"components": [{"name": "app", "kind": "service"}]})
    component = monolith.components[0]
    from dataclasses import replace

    noted = replace(
        monolith, components=(replace(component, note="3 modules", modules=("a", "b")),)
    )
    assert import_microtosca(export_microtosca(noted)) == noted


def test_it_reads_a_file_written_by_microfreshener():
    architecture = import_microtosca(MICROFRESHENER_YAML)
    kinds = {c.name: c.kind for c in architecture.components}
    assert kinds == {
        "ingress": Kind.GATEWAY,
        "front": Kind.SERVICE,
        "orders": Kind.SERVICE,
        "db": Kind.DATASTORE,
        "queue": Kind.BROKER,
        "edgenodes": Kind.CLIENT,
    }
    links = {(link.source, link.target): link for link in architecture.links}
    assert links["front", "orders"].discovery and links["front", "orders"].circuit_breaker
    assert links["ingress", "front"].timeout and not links["ingress", "front"].discovery
    assert links["orders", "queue"].style == LinkStyle.ASYNC
    assert links["orders", "db"].style == LinkStyle.SYNC
    assert ("edgenodes", "ingress") in links
    assert (
        architecture.component("front").deploy_unit
        == "vm"
        == architecture.component("orders").deploy_unit
    )
    assert architecture.component("db").team == "shop-team"


def test_malformed_yaml_is_refused_with_its_line_and_column():
    with pytest.raises(MicroToscaInvalid) as caught:
        import_microtosca("topology_template:\n  node_templates:\n    a: [unclosed\n    b: 1\n")
    (problem,) = caught.value.problems
    assert problem.loc[0] == "yaml" and problem.loc[1] >= 3
    assert problem.type == "yaml_syntax" and f"line {problem.loc[1]}" in problem.msg


def test_arbitrary_tags_are_refused():
    text = "topology_template: !!python/object/apply:os.system ['echo hacked']\n"
    with pytest.raises(MicroToscaInvalid) as caught:
        import_microtosca(text)
    assert caught.value.problems[0].loc == ("yaml", 1, 20)


def test_it_refuses_text_over_the_size_limit():
    with pytest.raises(MicroToscaInvalid) as caught:
        import_microtosca("#" * (MAX_BYTES + 1))
    assert caught.value.problems[0].type == "too_long"


def test_it_is_an_architecture_error_for_the_api():
    with pytest.raises(ArchitectureInvalid):
        import_microtosca("just text")


def test_it_says_where_the_structure_is_wrong():
    text = MICROFRESHENER_YAML.replace("type: micro.nodes.Datastore", "type: micro.nodes.Database")
    text = text.replace(
        "interaction: {node: front, relationship: t}", "interaction: {node: nobody}"
    )
    with pytest.raises(MicroToscaInvalid) as caught:
        import_microtosca(text)
    locs = [p.loc for p in caught.value.problems]
    assert ("topology_template", "node_templates", "db", "type") in locs


def test_it_reports_unknown_targets_and_relationship_templates():
    text = MICROFRESHENER_YAML.replace("{node: front, relationship: t}", "{node: nobody}")
    text = text.replace("{node: orders, relationship: tcd}", "{node: orders, relationship: x}")
    with pytest.raises(MicroToscaInvalid) as caught:
        import_microtosca(text)
    locs = {p.loc for p in caught.value.problems}
    assert (
        "topology_template",
        "node_templates",
        "ingress",
        "requirements",
        0,
        "interaction",
    ) in locs
    assert (
        "topology_template",
        "node_templates",
        "front",
        "requirements",
        0,
        "interaction",
        "relationship",
    ) in locs


def test_invalid_names_and_flags_point_at_their_yaml():
    text = MICROFRESHENER_YAML.replace("    db:\n", f"    {'d' * 70}:\n").replace(
        "interaction: db", f"interaction: {'d' * 70}"
    )
    text = text.replace("members: [front, orders, db]", "members: [front, orders]")
    with pytest.raises(MicroToscaInvalid) as caught:
        import_microtosca(text)
    assert caught.value.problems[0].loc[:3] == ("topology_template", "node_templates", "d" * 70)
    bad_flag = MICROFRESHENER_YAML.replace(
        "properties: {timeout: true}", "properties: {timeout: 3}"
    )
    with pytest.raises(MicroToscaInvalid) as caught:
        import_microtosca(bad_flag)
    assert caught.value.problems[0].loc[-1] == "timeout"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        "topology_template: []",
        "topology_template: {node_templates: {a: [1]}}",
        "topology_template: {node_templates: {a: {type: [x]}}}",
        "topology_template: {node_templates: {a: {type: micro.nodes.Service, requirements: 3}}}",
        "topology_template: {node_templates: {a: {type: micro.nodes.Service,"
        " requirements: [{deployed_on: {node: [x]}}, {interaction: {node: a, relationship: [t]}},"
        " 5, {other: a}]}}}",
        "topology_template: {node_templates: {a: {type: micro.nodes.Service, metadata: [1]}}}",
        "topology_template: {node_templates: {a: {type: micro.nodes.Service}},"
        " groups: {g: {type: micro.groups.Edge, members: [b]}}}",
        "topology_template: {node_templates: {a: {type: micro.nodes.Service, metadata:"
        " {modules: 3, links: [{target: zz}]}}}}",
        "topology_template: {node_templates: {1: {type: micro.nodes.Service}}}",
        "a: &x [*x]",
        "[" * 5000,
    ],
)
def test_odd_documents_are_refused_as_invalid_and_nothing_else(text):
    with pytest.raises(MicroToscaInvalid) as caught:
        import_microtosca(text)
    assert caught.value.problems


def test_an_integer_too_long_for_python_is_a_problem_not_a_crash():
    with pytest.raises(MicroToscaInvalid) as info:
        import_microtosca("a: " + "9" * 5000 + "\n")
    assert info.value.problems[0].loc == ("yaml",)
