import json
import re
from pathlib import Path

from architectures.antipatterns.catalog import CATALOG_PATH, catalog, default_severity, entry
from architectures.antipatterns.severity import Severity

SPEC = Path("/work/shared/ANTIPATTERNS.md")


def test_it_lists_all_27_entries_in_catalog_order():
    ids = [e.id for e in catalog()]
    assert len(ids) == 27 == len(set(ids))
    assert ids[:3] == ["hardcoded-endpoints", "wrong-cuts", "cyclic-dependency"]
    assert ids[-1] == "single-layer-teams"


def test_it_matches_the_shared_catalog_ids_when_available():
    if not SPEC.exists():
        return
    spec_ids = re.findall(r"^\| `([a-z-]+)` \|", SPEC.read_text(), re.M)
    assert [e.id for e in catalog()] == spec_ids


def test_every_entry_has_text_and_a_known_category():
    categories = {"technical", "organizational", "practice", "architectural smell"}
    for item in catalog():
        assert item.name and item.description and item.remedy and item.source
        assert item.category in categories
        assert item.detected_from in {"Q", "A", "Q+A"}


def test_the_last_seven_have_no_harm_and_the_first_twenty_do():
    harms = [e.harm for e in catalog()]
    assert all(isinstance(h, int | float) for h in harms[:20])
    assert harms[20:] == [None] * 7


def test_default_severity_follows_the_harm_scale():
    assert default_severity(8) == Severity.HIGH
    assert default_severity(7) == Severity.HIGH
    assert default_severity(6.05) == Severity.MEDIUM
    assert default_severity(5) == Severity.MEDIUM
    assert default_severity(4.99) == Severity.LOW


def test_unscored_entries_get_a_chosen_default():
    assert entry("distributed-monolith").severity == Severity.HIGH
    assert entry("chatty-services").severity == Severity.MEDIUM
    assert entry("wobbly-service-interaction").severity == Severity.MEDIUM
    assert entry("hardcoded-endpoints").severity == Severity.HIGH
    assert entry("common-ownership").severity == Severity.LOW


def test_it_reads_the_fixture_relative_to_the_repo():
    assert CATALOG_PATH.name == "anti_patterns.json"
    raw = json.loads(CATALOG_PATH.read_text())
    assert raw[4]["id"] == "shared-persistence" and raw[4]["from"] == "A"


def test_to_dict_carries_the_api_fields():
    data = entry("shared-persistence").to_dict()
    assert {"id", "name", "category", "description", "remedy"} <= data.keys()
    assert data["severity"] == "medium"


def test_entries_without_a_harm_score_carry_their_judged_severity_in_the_catalog():
    raw = {item["id"]: item for item in json.loads(CATALOG_PATH.read_text())}
    for item in catalog():
        if item.harm is None:
            assert item.severity == raw[item.id]["severity"], item.id
    assert entry("distributed-monolith").severity == Severity.HIGH
    assert entry("single-layer-teams").severity == Severity.LOW
