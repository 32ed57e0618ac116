import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make_project(root: Path) -> None:
    (root / "shop").mkdir(parents=True)
    (root / "shop" / "models.py").write_text(
        "from django.db import models\n\nclass Order(models.Model):\n    pass\n"
    )
    (root / "shop" / "views.py").write_text(
        "from shop.models import Order\n\ndef make():\n    Order.objects.create()\n"
    )
    (root / "shop" / "migrations").mkdir()
    (root / "shop" / "migrations" / "0001_initial.py").write_text("X = 1\n")


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SECRET_KEY", "DJANGO_DEBUG")}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_it_runs_as_the_readme_writes_it_without_a_secret_key(tmp_path):
    make_project(tmp_path)
    result = run("import_django_project", str(tmp_path))
    assert result.returncode == 0, result.stderr
    modules = {m["name"]: m for m in json.loads(result.stdout)["modules"]}
    assert modules["shop.views"]["tables"] == {"shop_order": "w"}  # objects.create() only writes
    assert modules["shop.views"]["calls"] == {"shop.models": 1}
    assert "shop.migrations.0001_initial" not in modules
    assert "migration modules" in result.stderr


def test_options_exclude_and_write_a_file(tmp_path):
    make_project(tmp_path / "src")
    output = tmp_path / "monolith.json"
    result = run(
        "import_django_project",
        str(tmp_path / "src"),
        "--exclude",
        "shop/views.py",
        "--output",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    names = {m["name"] for m in json.loads(output.read_text())["modules"]}
    assert names == {"shop.models"}


def test_the_python_package_command_runs_without_a_secret_key_too(tmp_path):
    make_project(tmp_path)
    result = run("import_python_package", str(tmp_path), "--include-tests")
    assert result.returncode == 0, result.stderr
    assert "shop.views" in {m["name"] for m in json.loads(result.stdout)["modules"]}
