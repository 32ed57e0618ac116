"""The real renderers and parsers of the text exports, for the tests.

Each check runs the tool on the text and returns what it complained about. When the tool
is not installed here the test is skipped with the reason; `make install` installs them
(Debian's `plantuml`; `tests/renderers/` holds mermaid-cli, which drives Debian's
Chromium, and a Structurizr DSL grammar, installed with npm).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

NODE_TOOLS = Path(__file__).resolve().parents[1] / "renderers"
MMDC = NODE_TOOLS / "node_modules" / ".bin" / "mmdc"
STRUCTURIZR = NODE_TOOLS / "node_modules" / "structurizr-parser"
CHROMIUM = Path("/usr/bin/chromium")


def plantuml_errors(text: str) -> list[str]:
    if not shutil.which("plantuml"):
        pytest.skip("Debian's plantuml is not installed (make install installs it)")
    done = subprocess.run(
        ["plantuml", "-syntax"], input=text, capture_output=True, text=True, timeout=120
    )
    lines = done.stdout.splitlines()
    return [] if done.returncode == 0 and lines and lines[0] != "ERROR" else lines


def mermaid_errors(text: str, tmp_path: Path) -> list[str]:
    if not MMDC.exists() or not CHROMIUM.exists():
        pytest.skip("mermaid-cli or Chromium is missing (make install installs both)")
    source, target = tmp_path / "diagram.mmd", tmp_path / "diagram.svg"
    source.write_text(text, encoding="utf-8")
    config = NODE_TOOLS / "puppeteer.json"
    done = subprocess.run(
        [str(MMDC), "-p", str(config), "-i", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    if done.returncode or not target.exists():
        return [done.stderr.strip() or done.stdout.strip() or "no picture"]
    return []


def structurizr_errors(text: str) -> list[str]:
    if not STRUCTURIZR.exists() or not shutil.which("node"):
        pytest.skip("the Structurizr DSL grammar is not installed (make install installs it)")
    done = subprocess.run(
        ["node", str(NODE_TOOLS / "check_structurizr.js")],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(done.stdout) if done.returncode == 0 else [done.stderr]
