import io
import json

import pytest
from django.core.management import CommandError, call_command


def make_package(root, name):
    package = root / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "orders.py").write_text(f"from {name} import billing\n")
    (package / "billing.py").write_text("RATE = 1\n")
    return package


def test_it_prints_the_monolith_json(tmp_path):
    package = make_package(tmp_path, "cmdshop_a")
    out = io.StringIO()
    call_command("import_python_package", str(package), stdout=out)
    modules = {m["name"]: m for m in json.loads(out.getvalue())["modules"]}
    assert modules["cmdshop_a.orders"]["calls"] == {"cmdshop_a.billing": 1}


def test_it_reads_a_table_mapping_and_writes_a_file(tmp_path):
    package = make_package(tmp_path, "cmdshop_b")
    mapping = tmp_path / "tables.json"
    mapping.write_text(json.dumps({"cmdshop_b.billing": {"invoices": "rw"}}))
    output = tmp_path / "monolith.json"
    call_command("import_python_package", str(package), tables=str(mapping), output=str(output))
    modules = {m["name"]: m for m in json.loads(output.read_text())["modules"]}
    assert modules["cmdshop_b.billing"]["tables"] == {"invoices": "rw"}


def test_it_fails_with_a_readable_error(tmp_path):
    with pytest.raises(CommandError, match="No Python module found"):
        call_command("import_python_package", str(tmp_path))
    package = make_package(tmp_path, "cmdshop_c")
    mapping = tmp_path / "tables.json"
    mapping.write_text(json.dumps({"cmdshop_c.ghost": {"t": "r"}}))
    with pytest.raises(CommandError, match="No module 'cmdshop_c.ghost'"):
        call_command("import_python_package", str(package), tables=str(mapping))
