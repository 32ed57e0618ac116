import os
import warnings
from pathlib import Path

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
