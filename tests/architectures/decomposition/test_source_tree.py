import os
import warnings
from pathlib import Path

from architectures.decomposition.monolith import NOTE_LENGTH_MAX
from architectures.decomposition.source_tree import (
    NESTING_MAX,
    read_source_tree,
    without_deep_files,
)


def write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_project_file_with_an_invalid_escape_is_read_without_a_warning(tmp_path):
    write(tmp_path, {"shop/__init__.py": "", "shop/forms.py": 'PATTERN = "\\.csv"\n'})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tree = read_source_tree(tmp_path)
    assert "shop.forms" in tree.modules


def test_a_file_that_does_not_parse_is_named_not_dropped(tmp_path):
    write(tmp_path, {"shop/__init__.py": "", "shop/a.py": "x = 1\n", "shop/b.py": "def (:\n"})
    tree = read_source_tree(tmp_path)
    assert tree.modules == {"shop.a"}
    assert any("shop/b.py (SyntaxError)" in note for note in tree.notes)


def test_a_folder_name_that_is_not_utf8_is_named_readably(tmp_path):
    write(tmp_path, {"shop/__init__.py": "X = 1\n", "shop/a.py": "x = 1\n"})
    odd = Path(os.fsdecode(bytes(tmp_path / "shop") + b"/bad\xff"))
    odd.mkdir()
    (odd / "x.py").write_text("x = 1\n")
    tree = read_source_tree(tmp_path)
    note = next(n for n in tree.notes if n.startswith("Not importable"))
    assert "shop/bad\ufffd/" in note
    note.encode("utf-8")  # no surrogate left for a page or database to choke on


def test_without_deep_files_leaves_out_and_names_only_the_deep_ones(tmp_path):
    deep = "X = " + " + ".join(["1"] * 300) + "\n"
    write(tmp_path, {"shop/__init__.py": "X = 1\n", "shop/a.py": "x = 1\n", "shop/deep.py": deep})
    tree = without_deep_files(read_source_tree(tmp_path))
    assert tree.modules == {"shop", "shop.a"}
    assert tree.notes[-1] == f"Nested over {NESTING_MAX} levels, left out: shop/deep.py."
    assert without_deep_files(tree) is tree


def test_a_module_file_beside_a_package_of_its_name_is_left_out_as_python_would(tmp_path):
    write(tmp_path, {"shop/__init__.py": "X = 1\n", "shop/a.py": "x = 1\n",
                     "shop/a/__init__.py": "y = 2\n", "shop/b.py": "z = 3\n"})  # fmt: skip
    tree = read_source_tree(tmp_path)
    assert [f.relative for f in tree.files if f.module == "shop.a"] == ["shop/a/__init__.py"]
    assert "Shadowed by a package of the same name, left out: shop/a.py." in tree.notes


def test_a_long_list_of_left_out_files_keeps_its_note_within_a_monoliths_limit(tmp_path):
    folder = "shop/" + "/".join(["d" * 40] * 4)
    broken = {f"{folder}/m{n}.py": "def (:\n" for n in range(30)}
    write(tmp_path, {"shop/__init__.py": "X = 1\n", "shop/a.py": "x = 1\n", **broken})
    tree = read_source_tree(tmp_path)
    note = next(n for n in tree.notes if n.startswith("Not parsed"))
    assert len(note) <= NOTE_LENGTH_MAX and note.endswith(" more.")
