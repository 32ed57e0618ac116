import warnings

from architectures.decomposition.source_tree import read_source_tree


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
