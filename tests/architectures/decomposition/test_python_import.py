from pathlib import Path

import pytest

from architectures.decomposition.monolith import Access, MonolithInvalid
from architectures.decomposition.python_import import import_python_package


def make_package(root: Path, name: str) -> Path:
    package = root / name
    (package / "orders").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "orders" / "__init__.py").write_text("")
    (package / "orders" / "models.py").write_text(
        f"from {name} import payments\nimport {name}.payments\n"
    )
    (package / "payments.py").write_text(f"from {name}.orders import models\n\n\nX = 1\n")
    return package


def test_it_reads_modules_and_counts_imports_as_calls(tmp_path):
    package = make_package(tmp_path, "tinyshop_a")
    monolith = import_python_package(package)
    modules = {m.name: m for m in monolith.modules}
    # Empty __init__ modules are left out, and said so in the notes.
    assert set(modules) == {"tinyshop_a.orders.models", "tinyshop_a.payments"}
    assert any("2 empty __init__ modules" in note for note in monolith.notes)
    assert modules["tinyshop_a.orders.models"].calls == {"tinyshop_a.payments": 2}
    assert modules["tinyshop_a.payments"].calls == {"tinyshop_a.orders.models": 1}
    assert modules["tinyshop_a.payments"].loc == 4


def test_a_table_mapping_covers_the_modules_beneath_its_key(tmp_path):
    package = make_package(tmp_path, "tinyshop_b")
    tables = {"tinyshop_b.orders": {"orders": "rw"}, "tinyshop_b.payments": {"orders": "r"}}
    modules = {m.name: m for m in import_python_package(package, tables=tables).modules}
    assert modules["tinyshop_b.orders.models"].tables == {"orders": Access.READ_WRITE}
    assert modules["tinyshop_b.payments"].tables == {"orders": Access.READ}
    assert "tinyshop_b" not in modules


def test_it_rejects_unknown_modules_and_bad_modes_in_the_mapping(tmp_path):
    package = make_package(tmp_path, "tinyshop_c")
    with pytest.raises(MonolithInvalid) as caught:
        import_python_package(package, tables={"tinyshop_c.ghost": {"t": "rw"}})
    assert [p.loc for p in caught.value.problems] == [("tables", "tinyshop_c.ghost")]
    with pytest.raises(MonolithInvalid):
        import_python_package(package, tables={"tinyshop_c.payments": {"t": "x"}})


def test_it_refuses_a_folder_without_python_modules(tmp_path):
    (tmp_path / "README.md").write_text("nothing here")
    with pytest.raises(MonolithInvalid, match="No Python module found"):
        import_python_package(tmp_path)


def test_sibling_packages_keep_their_cross_imports_and_tests_are_left_out(tmp_path):
    for name, body in (("shop", "from billing import invoices\n"), ("billing", "X = 1\n")):
        (tmp_path / name / "tests").mkdir(parents=True)
        (tmp_path / name / "__init__.py").write_text("")
        (tmp_path / name / ("orders.py" if name == "shop" else "invoices.py")).write_text(body)
        (tmp_path / name / "tests" / "test_it.py").write_text("import shop\n")
    (tmp_path / "billing" / "test_more.py").write_text("")
    modules = {m.name: m for m in import_python_package(tmp_path).modules}
    assert set(modules) == {"shop.orders", "billing.invoices"}
    assert modules["shop.orders"].calls == {"billing.invoices": 1}
    included = {m.name for m in import_python_package(tmp_path, include_tests=True).modules}
    assert "shop.tests.test_it" in included and "billing.test_more" in included


def test_a_package_named_like_an_installed_one_is_read_from_disk(tmp_path):
    (tmp_path / "django").mkdir()
    (tmp_path / "django" / "__init__.py").write_text("from django import mine\n")
    (tmp_path / "django" / "mine.py").write_text("VALUE = 1\n")
    modules = {m.name: m for m in import_python_package(tmp_path).modules}
    assert modules["django"].calls == {"django.mine": 1}


def test_exclude_globs_match_paths_and_module_names(tmp_path):
    package = make_package(tmp_path, "tinyshop_d")
    by_path = import_python_package(tmp_path, exclude=["tinyshop_d/orders/*"])
    assert {m.name for m in by_path.modules} == {"tinyshop_d.payments"}
    by_name = import_python_package(package, exclude=["tinyshop_d.pay*"])
    assert {m.name for m in by_name.modules} == {"tinyshop_d.orders.models"}


def test_namespace_packages_are_read_and_named_in_the_notes(tmp_path):
    (tmp_path / "shop" / "orders").mkdir(parents=True)
    (tmp_path / "shop" / "orders" / "views.py").write_text("from shop.orders import forms\n")
    (tmp_path / "shop" / "orders" / "forms.py").write_text("")
    monolith = import_python_package(tmp_path)
    assert {m.name for m in monolith.modules} == {"shop.orders.views", "shop.orders.forms"}
    assert any("namespace packages" in n and "shop.orders" in n for n in monolith.notes)


@pytest.mark.parametrize(
    "source",
    [
        "from ... import y\n",  # climbs above the top package: grimp's Rust code panicked
        "f(a=1, a=2)\n",  # a repeated keyword, which `ast` accepts and grimp refuses
        "x = f'{1:\n}'\n",  # a newline in an f-string's format spec, likewise
    ],
)
def test_a_file_grimp_cannot_scan_is_left_out_of_the_imports_and_named(tmp_path, source):
    package = make_package(tmp_path, "tinyshop_g")
    (package / "odd.py").write_text(source)
    monolith = import_python_package(package)
    modules = {m.name: m for m in monolith.modules}
    assert "tinyshop_g.odd" in modules and modules["tinyshop_g.odd"].calls == {}
    # The other files' imports are still counted.
    assert modules["tinyshop_g.orders.models"].calls == {"tinyshop_g.payments": 2}
    assert "Imports not read (grimp cannot parse them): tinyshop_g/odd.py." in monolith.notes
