import io
import json
import zipfile
from pathlib import Path

import pytest
from pydantic import RootModel, ValidationError

from architectures.decomposition.monolith import MODULES_PER_MONOLITH_MAX, MONOLITH_NAME_MAX
from architectures.input_formats import FormatNotRecognised, Upload
from architectures.monolith_formats import (
    MONOLITH_FORMATS,
    MonolithInvalid,
    MonolithRequest,
    load_json,
    parse_request,
    read_monolith_input,
)
from tests.project_archives import locallibrary_files, tarred, zipped

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SHOP = (FIXTURES / "monoliths" / "shop.json").read_bytes()


def read(data: bytes, name: str = "", **options):
    return read_monolith_input([Upload(name, data)], **options)


def test_the_registry_lists_each_format_once_archives_first():
    assert MONOLITH_FORMATS.names == ("django", "python", "json", "csv")
    assert "application/zip" in MONOLITH_FORMATS.media_types
    assert "text/csv" in MONOLITH_FORMATS.media_types
    assert MONOLITH_FORMATS.get("django").named_like("project.tar.gz")


def test_json_is_detected_and_carries_its_options():
    body = json.loads(SHOP) | {"resolution": 2, "teams": 3, "pins": {"cart.basket": "cart"}}
    found = read(json.dumps(body).encode())
    assert found.format == "json" and len(found.monolith.modules) == 19
    assert found.options.resolution == 2.0 and found.options.teams == 3
    assert found.options.pins == {"cart.basket": "cart"}


def test_any_other_text_is_read_as_csv_and_its_problems_name_their_line():
    found = read((FIXTURES / "monoliths" / "bookshop.csv").read_bytes(), "bookshop.csv")
    assert found.format == "csv" and found.options is None and found.files == ("bookshop.csv",)
    with pytest.raises(MonolithInvalid) as invalid:
        read(b"source,target,count\na,b,many\n")
    assert invalid.value.problems[0].loc == ("line", 2)
    with pytest.raises(MonolithInvalid, match="not UTF-8 text"):
        read(b"\xff\xfe\x00bad")


@pytest.mark.parametrize("pack", [zipped, tarred])
def test_a_real_django_project_in_an_archive_is_read_from_its_source(pack):
    found = read(pack(locallibrary_files()), "locallibrary.archive")
    assert found.format == "django"
    modules = {m.name: m for m in found.monolith.modules}
    assert {"catalog.models", "catalog.views", "catalog.admin"} <= set(modules)
    assert not any(".migrations" in name or ".tests" in name for name in modules)
    assert str(modules["catalog.models"].tables["catalog_book"]) == "rw"
    assert str(modules["catalog.admin"].tables["catalog_book"]) == "w"
    assert modules["catalog.views"].calls["catalog.models"] >= 1
    notes = found.monolith.notes
    assert notes[0].startswith("Unpacked 19 Python files from locallibrary.archive")
    assert any("Found 1 apps and 5 models" in note for note in notes)
    assert not any("decider-archive-" in note for note in notes)


def test_an_archive_without_django_files_is_read_as_python_packages():
    files = {
        "tools/__init__.py": b"",
        "tools/text.py": b"from tools import numbers\n",
        "tools/numbers.py": b"X = 1\n",
    }
    found = read(zipped(files), "tools.zip")
    assert found.format == "python"
    calls = {m.name: dict(m.calls) for m in found.monolith.modules}
    assert calls["tools.text"] == {"tools.numbers": 1}


def test_a_forced_format_wins_over_detection():
    found = read(zipped(locallibrary_files()), forced="python")
    assert found.format == "python"
    assert not any(m.tables for m in found.monolith.modules)


def test_the_media_type_names_the_format_when_only_one_reads_it():
    with pytest.raises(MonolithInvalid) as invalid:
        read(b"source,target,count\n", media_type="application/json")
    assert invalid.value.problems[0].type == "json_invalid"
    assert read(b"source,target,count\na,b,1\n", media_type="text/csv").format == "csv"
    assert read(zipped(locallibrary_files()), media_type="application/zip").format == "django"
    with pytest.raises(FormatNotRecognised, match="application/yaml"):
        read(b"modules: []", media_type="application/yaml")


def test_one_file_at_a_time():
    with pytest.raises(MonolithInvalid, match="one file; got 2"):
        read_monolith_input([Upload("a.json", SHOP), Upload("b.json", SHOP)])


def hostile(tmp_path: Path) -> dict[str, bytes]:
    escape = zipped({"shop/__init__.py": b"", f"../../{tmp_path.name}-escaped.py": b"X = 1\n"})
    bomb = zipped({"shop/models.py": b"#" * (20 * 2**20)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("shop/models.py")
        link.external_attr = 0o120777 << 16  # a symbolic link
        archive.writestr(link, "/etc/passwd")
    return {"path escape": escape, "zip bomb": bomb, "symlink": buffer.getvalue()}


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("path escape", "would be written outside the folder"),
        ("zip bomb", "possible zip bomb"),
        ("symlink", "links and devices are refused"),
    ],
)
def test_hostile_archives_are_refused_naming_the_entry(tmp_path, case, message):
    with pytest.raises(MonolithInvalid) as invalid:
        read(hostile(tmp_path)[case], "evil.zip")
    problem = invalid.value.problems[0]
    assert problem.loc == ("archive",) and message in problem.msg
    assert not (tmp_path.parent / f"{tmp_path.name}-escaped.py").exists()


def test_an_archive_without_python_names_the_archive_not_a_temporary_folder():
    with pytest.raises(MonolithInvalid) as invalid:
        read(zipped({"README.md": b"# nothing\n"}), "docs.zip")
    message = invalid.value.problems[0].msg
    assert "No Python module found under docs.zip" in message
    assert "decider-archive-" not in message


def test_json_problems_say_why_it_is_not_json():
    for text, why in [("{oops", "line 1"), ("[" * 100_000, "nested too deeply")]:
        with pytest.raises(MonolithInvalid, match=why):
            load_json(text)
    with pytest.raises(MonolithInvalid, match="not UTF-8"):
        load_json(b"\xff\xfe{")


def test_a_request_names_every_problem_with_the_options_too():
    with pytest.raises(MonolithInvalid) as invalid:
        parse_request({"modules": "nope", "resolution": True, "pins": []})
    assert [p.loc for p in invalid.value.problems] == [("modules",), ("resolution",), ("pins",)]
    monolith, options = parse_request(json.loads(SHOP))
    assert options.resolution is None and options.pins == {} and monolith.modules


def test_the_json_schema_is_generated_from_the_declaration_and_agrees_with_the_reader():
    schema = RootModel[MonolithRequest].model_json_schema()
    request = schema["$defs"]["MonolithRequest"]
    assert request["required"] == ["modules"]
    assert request["properties"]["modules"]["maxItems"] == MODULES_PER_MONOLITH_MAX
    module = schema["$defs"]["Module"]["properties"]
    assert module["name"]["maxLength"] == MONOLITH_NAME_MAX
    assert module["tables"]["additionalProperties"] == {"$ref": "#/$defs/Access"}
    assert schema["$defs"]["Access"]["enum"] == ["r", "w", "rw"]
    assert set(request["properties"]) == {"modules", "notes", "resolution", "pins", "teams"}
    adapter = RootModel[MonolithRequest]
    good = json.loads(SHOP) | {"resolution": 0.5, "teams": 4}
    adapter.model_validate(good)
    parse_request(good)
    bad = [
        {"modules": []},
        {"modules": [{"name": "a", "tables": {"t": "x"}}]},
        {"modules": [{"name": "a", "calls": {"a": 0}}]},
        {"modules": [{"name": "x" * (MONOLITH_NAME_MAX + 1)}]},
        {"modules": [{"name": "a"}], "resolution": 500},
        {"modules": [{"name": "a"}], "teams": 0},
    ]
    for data in bad:
        with pytest.raises(ValidationError):
            adapter.model_validate(data)
        with pytest.raises(MonolithInvalid):
            parse_request(data)
