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
    assert set(modules) == {
        "tinyshop_a",
        "tinyshop_a.orders",
        "tinyshop_a.orders.models",
        "tinyshop_a.payments",
    }
    assert modules["tinyshop_a.orders.models"].calls == {"tinyshop_a.payments": 2}
    assert modules["tinyshop_a.payments"].calls == {"tinyshop_a.orders.models": 1}
    assert modules["tinyshop_a.payments"].loc == 4


def test_a_table_mapping_covers_the_modules_beneath_its_key(tmp_path):
    package = make_package(tmp_path, "tinyshop_b")
    tables = {"tinyshop_b.orders": {"orders": "rw"}, "tinyshop_b.payments": {"orders": "r"}}
    modules = {m.name: m for m in import_python_package(package, tables=tables).modules}
    assert modules["tinyshop_b.orders.models"].tables == {"orders": Access.READ_WRITE}
    assert modules["tinyshop_b.payments"].tables == {"orders": Access.READ}
    assert modules["tinyshop_b"].tables == {}


def test_it_rejects_unknown_modules_and_bad_modes_in_the_mapping(tmp_path):
    package = make_package(tmp_path, "tinyshop_c")
    with pytest.raises(MonolithInvalid) as caught:
        import_python_package(package, tables={"tinyshop_c.ghost": {"t": "rw"}})
    assert [p.loc for p in caught.value.problems] == [("tables", "tinyshop_c.ghost")]
    with pytest.raises(MonolithInvalid):
        import_python_package(package, tables={"tinyshop_c.payments": {"t": "x"}})


def test_it_refuses_a_directory_that_is_not_a_package(tmp_path):
    with pytest.raises(MonolithInvalid):
        import_python_package(tmp_path)
