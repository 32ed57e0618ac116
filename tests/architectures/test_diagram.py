import re

import graphviz

from architectures.diagram import PALETTE, _write_edge, _write_node, to_dot
from architectures.model import Architecture, Component, Kind, Link, LinkStyle, parse_architecture
from decider.engine.answers import parse_answers
from decider.engine.choices import Style
from decider.proposal.architecture import propose

HOSTILE = (
    'a" image="/etc/hostname',
    '<<img src="/etc/passwd"/>>',
    "<b>bold</b> & co",
    "URL=javascript:alert(1)",
    "x] [image=/etc/hostname",
    "back\\slash \\N",
)


def shop() -> Architecture:
    return Architecture(
        (
            Component("web", Kind.CLIENT),
            Component("edge", Kind.GATEWAY),
            Component("orders", Kind.SERVICE, team="shop"),
            Component("billing", Kind.SERVICE, team="money"),
            Component("bus", Kind.BROKER),
            Component("orders db", Kind.DATASTORE, owner="orders", team="shop"),
        ),
        (
            Link("web", "edge"),
            Link("edge", "orders", timeout=True),
            Link("orders", "orders db"),
            Link("orders", "bus", LinkStyle.ASYNC),
            Link("bus", "billing", LinkStyle.ASYNC),
        ),
    )


def hostile() -> Architecture:
    components = [Component(name, Kind.SERVICE, team=name) for name in HOSTILE]
    links = [Link(HOSTILE[0], HOSTILE[1]), Link(HOSTILE[1], HOSTILE[2], LinkStyle.ASYNC)]
    return Architecture(tuple(components), tuple(links))


def test_it_uses_generated_node_ids_never_names():
    dot = to_dot(shop())
    assert re.search(r"^\s*n3 \[", dot, re.MULTILINE)
    assert "orders ->" not in dot and '"orders"' not in dot


def test_it_escapes_html_in_names():
    dot = to_dot(hostile())
    assert "&lt;&lt;img src=&quot;/etc/passwd&quot;/&gt;&gt;" in dot
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in dot
    assert "<img" not in dot and "<b>bold" not in dot
    assert 'image="' not in dot


def test_it_never_puts_user_text_into_an_attribute():
    dot = to_dot(hostile(), title='t" URL="javascript:x')
    attributes = set(re.findall(r"\b([A-Za-z]+)=", re.sub(r"<.*?>(?=[\s\]])", "", dot)))
    assert "image" not in attributes and "URL" not in attributes


def test_it_lays_out_layers_left_to_right_with_newrank():
    dot = to_dot(shop())
    assert "rankdir=LR" in dot and "newrank=true" in dot
    assert dot.count("rank=same") == 5


def test_it_draws_datastores_as_cylinders_and_events_dashed():
    dot = to_dot(shop())
    assert re.search(r"n6 \[.*shape=cylinder", dot)
    assert re.search(r"n5 \[.*shape=cds", dot)
    assert re.search(r"n4 -> n5 \[.*style=dashed", dot) or re.search(r"n3 -> n5 .*dashed", dot)
    assert "n3 -> n6" in dot and "dashed" not in dot.split("n3 -> n6")[1].split("\n")[0]


def test_it_marks_components_with_badges_and_a_red_outline():
    dot = to_dot(shop(), marks={"orders": [1, 3]})
    line = next(x for x in dot.splitlines() if x.strip().startswith("n3 ["))
    assert "⚠ 1,3" in line and "penwidth=3" in line and 'color="#d62728"' in line
    other = next(x for x in dot.splitlines() if x.strip().startswith("n4 ["))
    assert "penwidth" not in other


def test_team_colours_follow_sorted_team_names_not_component_order():
    dot = to_dot(shop())
    reversed_dot = to_dot(Architecture(tuple(reversed(shop().components)), shop().links))
    assert f'fillcolor="{PALETTE[0]}"' in next(x for x in dot.splitlines() if "billing</b>" in x)
    assert f'fillcolor="{PALETTE[1]}"' in next(x for x in dot.splitlines() if "orders</b>" in x)
    line = next(x for x in reversed_dot.splitlines() if "billing</b>" in x)
    assert f'fillcolor="{PALETTE[0]}"' in line


def test_it_has_a_legend_and_a_title():
    dot = to_dot(shop(), title="Proposed <architecture>")
    assert "cluster_legend" in dot and "team money" in dot
    assert "Proposed &lt;architecture&gt;" in dot


def test_it_draws_monolith_modules_as_a_cluster_inside_the_application():
    answers = parse_answers(
        {
            "teams": 1,
            "deploy_contention": "never",
            "scaling": "uniform",
            "tech_diversity": "none",
            "monolith_pain": 0,
        }
    )
    dot = to_dot(propose(answers, Style.MONOLITH))
    assert "subgraph cluster_n2" in dot
    assert all(f"n2m{i} [label=<{name}>" in dot for i, name in enumerate(("users", "orders"), 1))
    assert "lhead=cluster_n2" in dot and "ltail=cluster_n2" in dot


def test_a_slide_wraps_a_long_layer_and_asks_for_16_by_9():
    services = [{"name": f"s{i}", "kind": "service"} for i in range(40)]
    many = parse_architecture({"components": services, "links": []})
    slide = to_dot(many, landscape=True, title="Ignored on a slide")
    assert "ratio=0.5625" in slide and "Ignored on a slide" not in slide
    assert slide.count("rank=same") > 1 and "style=invis" in slide
    page = to_dot(many)
    assert "ratio" not in page and page.count("rank=same") == 1 and "invis" not in page


def test_a_small_slide_keeps_one_column_per_layer():
    dot = to_dot(shop(), landscape=True)
    assert dot.count("rank=same") == 5 and "invis" not in dot


def test_nodes_and_edges_are_written_exactly_as_the_graphviz_package_writes_them():
    """The diagram writes its many nodes and edges itself, quoting each attribute list once
    (see `_write_edge`); the lines must stay the ones `graphviz.Digraph` would write."""
    ours, theirs = graphviz.Digraph(), graphviz.Digraph()
    for name in HOSTILE:
        label = f"<<b>{name}</b>>"
        _write_node(ours, "n1", label, shape="box", style="rounded,filled", fillcolor="#fff")
        theirs.node("n1", label, shape="box", style="rounded,filled", fillcolor="#fff")
    _write_edge(ours, "n1", "n2m3", color="#333333", lhead="cluster_n2")
    theirs.edge("n1", "n2m3", color="#333333", lhead="cluster_n2")
    _write_edge(ours, "n1", "n2", style="invis", weight="5", minlen="2")
    theirs.edge("n1", "n2", style="invis", weight="5", minlen="2")
    assert ours.source == theirs.source
