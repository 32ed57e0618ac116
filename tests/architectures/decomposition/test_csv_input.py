from pathlib import Path

import pytest

from architectures.decomposition.csv_input import parse_csv
from architectures.decomposition.monolith import Access, MonolithInvalid

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "monoliths"


def problems_of(text: str) -> dict[tuple, str]:
    with pytest.raises(MonolithInvalid) as caught:
        parse_csv(text)
    return {p.loc: p.msg for p in caught.value.problems}


def test_it_reads_calls_and_accesses_in_either_order():
    text = "module,table,mode\nb,orders,w\nb,orders,r\n\nsource,target,count\na,b,2\na,b,3\nc,a,\n"
    modules = {m.name: m for m in parse_csv(text).modules}
    assert set(modules) == {"a", "b", "c"}
    assert modules["a"].calls == {"b": 5}
    assert modules["c"].calls == {"a": 1}
    assert modules["b"].tables == {"orders": Access.READ_WRITE}


def test_it_skips_comments_and_trims_quoted_fields():
    text = '# exported\nsource,target,count\n"web, shop", orders , 4\n'
    (web, orders) = parse_csv(text).modules
    assert web.name == "web, shop" and web.calls == {"orders": 4} and orders.calls == {}


def test_it_names_the_line_of_every_error():
    text = "\n".join(
        [
            "a,b,1",  # 1: before any header
            "source,target,count",
            "a,b,zero",  # 3
            "a,b,0",  # 4
            "a,,2",  # 5
            "a,b",  # 6
            "module,table,mode",
            "a,t,x",  # 8
            "a,t,rw",
        ]
    )
    found = problems_of(text)
    assert set(found) == {("line", n) for n in (1, 3, 4, 5, 6, 8)}
    assert found[("line", 5)] == "target: 1 to 120 printable characters."
    assert found[("line", 6)] == "Expected 3 fields (source,target,count), got 2."
    assert found[("line", 8)] == "mode: Must be one of 'r', 'w', 'rw'."


def test_the_bookshop_example_parses():
    monolith = parse_csv((FIXTURES / "bookshop.csv").read_text())
    assert len(monolith.modules) == 10


def test_old_mac_line_endings_are_read_as_line_breaks():
    monolith = parse_csv("source,target,count\ra,b,1\r")
    assert [m.name for m in monolith.modules] == ["a", "b"]
    assert monolith.modules[0].calls == {"b": 1}


def test_an_over_long_field_is_a_problem_not_a_crash():
    with pytest.raises(MonolithInvalid) as info:
        parse_csv('source,target,count\n"' + "x" * 140_000 + '"\n')
    assert "Not readable CSV" in info.value.problems[0].msg
