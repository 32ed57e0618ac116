import json
from pathlib import Path

import pytest

from architectures.input_formats import NOT_JSON, FormatNotRecognised, Upload
from architectures.microtosca_export import export_microtosca
from architectures.model import ArchitectureInvalid, parse_architecture
from architectures.review_formats import (
    REVIEW_FORMATS,
    load_json,
    read_review_input,
)

ROOT = Path(__file__).parents[2]
ARCHITECTURE = (ROOT / "fixtures" / "architectures" / "clean.json").read_bytes()
COMPOSE = b"services:\n  web: {image: nginx}\n"
MANIFEST = b"apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, image: acme/web}]\n"


def detect(data: bytes, **options) -> str:
    return REVIEW_FORMATS.detect([Upload("", data)], **options).name


def test_each_format_is_detected_from_its_content():
    assert detect(ARCHITECTURE) == "json"
    assert detect(COMPOSE, media_type="application/yaml") == "compose"
    assert detect(MANIFEST, media_type="application/yaml") == "kubernetes"
    microtosca = export_microtosca(parse_architecture(json.loads(ARCHITECTURE))).encode()
    assert detect(microtosca, media_type="text/yaml") == "microtosca"


def test_manifests_and_compose_files_in_json_are_detected_as_such():
    as_json = json.dumps({"apiVersion": "v1", "kind": "List", "items": []}).encode()
    assert detect(as_json, media_type="application/json") == "kubernetes"
    assert detect(json.dumps({"services": {}}).encode(), media_type="application/json") == "compose"


def test_a_forced_format_wins_and_an_unknown_one_is_refused():
    assert detect(MANIFEST, forced="compose") == "compose"
    with pytest.raises(FormatNotRecognised, match="microtosca, kubernetes, compose, json"):
        read_review_input([Upload("", COMPOSE)], forced="helm")


def test_reading_gives_the_architecture_with_the_format_and_the_files():
    imported = read_review_input([Upload("docker-compose.yml", COMPOSE)])
    assert imported.format == "compose" and imported.files == ("docker-compose.yml",)
    assert [c.name for c in imported.architecture.components] == ["web"]
    assert read_review_input([Upload("", ARCHITECTURE)]).files == ()


def test_yaml_that_matches_no_format_reports_its_own_error_first():
    with pytest.raises(ArchitectureInvalid, match="aliases"):
        read_review_input([Upload("", b"a: &x [1]\nb: *x\n")], media_type="application/yaml")
    with pytest.raises(FormatNotRecognised, match="Not recognised"):
        read_review_input([Upload("", b"just: a mapping\n")], media_type="application/yaml")


def test_one_json_reader_names_what_is_wrong():
    with pytest.raises(ArchitectureInvalid) as caught:
        load_json(b"{oops")
    assert caught.value.problems[0].type == NOT_JSON
    assert load_json("\ufeff{}") == {}  # pasted with a byte-order mark, as read from a file
    with pytest.raises(ArchitectureInvalid, match="nested too deeply"):
        load_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ArchitectureInvalid, match="Not valid JSON"):
        load_json(b"\xff\xfe")


def test_json_and_microtosca_are_one_file_each():
    with pytest.raises(ArchitectureInvalid, match="one file"):
        read_review_input([Upload("a.json", ARCHITECTURE), Upload("b.json", ARCHITECTURE)])


def test_the_registry_documents_every_format_once():
    assert REVIEW_FORMATS.names == ("microtosca", "kubernetes", "compose", "json")
    assert "application/yaml" in REVIEW_FORMATS.media_types
    assert all(f.description and f.label for f in REVIEW_FORMATS)
