from pathlib import Path

from architectures.mermaid import escape, to_mermaid
from architectures.model import Architecture, Component, Kind, Link, LinkStyle, Load

GOLDEN = Path(__file__).parent / "golden"


def shop() -> Architecture:
    return Architecture(
        (
            Component("web", Kind.CLIENT),
            Component("edge", Kind.GATEWAY),
            Component(
                "orders", Kind.SERVICE, team="shop", load=Load.HIGH, modules=("cart", "pay")
            ),
            Component("billing", Kind.SERVICE, team="money"),
            Component("bus", Kind.BROKER),
            Component(
                "orders db", Kind.DATASTORE, owner="orders", team="shop", modules=("cart",),
                note="One schema per module",
            ),
        ),
        (
            Link("web", "edge"),
            Link("edge", "orders", timeout=True),
            Link("orders", "orders db"),
            Link("orders", "bus", LinkStyle.ASYNC),
            Link("bus", "billing", LinkStyle.ASYNC),
        ),
    )  # fmt: skip


def test_it_matches_the_golden_flowchart():
    expected = (GOLDEN / "shop.mmd").read_text()
    assert to_mermaid(shop(), marks={"billing": [2, 5]}) == expected


def test_it_has_every_component_and_link():
    text = to_mermaid(shop())
    assert text.startswith("flowchart LR\n")
    assert text.count("-->") + text.count("-.->") == len(shop().links)
    assert all(f"n{i}" in text for i in range(1, 7))


def test_it_escapes_quotes_and_markup_as_entity_codes():
    assert escape('a"b') == "a#quot;b"
    assert escape("<b>x</b> & #1") == "#lt;b#gt;x#lt;/b#gt; #amp; #35;1"
    assert escape("`md`") == "#96;md#96;"


def test_hostile_names_stay_inside_their_quoted_label():
    name = 'x"] --> evil["<img src=x onerror=alert(1)>'
    text = to_mermaid(Architecture((Component(name, Kind.SERVICE),)))
    node = text.splitlines()[1]
    assert node.startswith('  n1["') and node.endswith('"]')
    assert node.count('"') == 2 and "<img" not in node and "-->" not in node


def test_mermaid_cli_renders_the_export_hostile_names_included(tmp_path):
    from tests.architectures.renderers import mermaid_errors

    hostile = Architecture(
        (
            Component('x"]; click x call alert(1) %%', Kind.SERVICE, team="a<b>"),
            Component("db", Kind.DATASTORE),
        ),
        (Link('x"]; click x call alert(1) %%', "db"),),
    )
    assert mermaid_errors(to_mermaid(shop(), marks={"billing": [1]}), tmp_path) == []
    assert mermaid_errors(to_mermaid(hostile), tmp_path) == []
    assert mermaid_errors("flowchart LR\n  a[[[", tmp_path) != []
