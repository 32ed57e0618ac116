"""The layers and the direction of their imports (STYLE.md, "Import direction").

The web layer (`decider/` views, forms, API, models) imports the decision and the
architecture code; the decision code (`decider.engine`, `decider.proposal`) imports the
architecture code; the architecture code imports neither. The two inner layers are
pure Python: importing every module of them in a fresh interpreter loads no Django.
"""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PURE = ("architectures", "decider.engine", "decider.proposal")


def modules(package: str) -> list[str]:
    folder = ROOT.joinpath(*package.split("."))
    found = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_every_module_of_the_pure_layers_imports_without_django():
    every = [m for package in PURE for m in modules(package)]
    assert len(every) > 40
    code = (
        "import importlib, sys\n"
        f"for name in {every!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'django')\n"
        "sys.exit(f'django imported: {bad[:5]}' if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr or result.stdout


def test_no_module_under_architectures_imports_decider():
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in imported(path) if n.startswith("decider"))
        for path in (ROOT / "architectures").rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_decision_layer_imports_only_itself_and_the_architecture_code():
    allowed = ("decider.engine", "decider.proposal")
    for package in ("engine", "proposal"):
        for path in (ROOT / "decider" / package).rglob("*.py"):
            outside = [
                n for n in imported(path) if n.startswith("decider") and not n.startswith(allowed)
            ]
            assert outside == [], path


def test_the_engine_does_not_depend_on_the_proposal():
    for path in (ROOT / "decider" / "engine").rglob("*.py"):
        assert not any(n.startswith("decider.proposal") for n in imported(path)), path


def test_the_api_and_the_pages_do_not_import_each_other():
    for package, other in (("api", "decider.views"), ("views", "decider.api")):
        for path in (ROOT / "decider" / package).rglob("*.py"):
            assert not any(n.startswith(other) for n in imported(path)), path
