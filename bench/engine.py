"""The recommendation engine against the engine it replaced, on the same answers.

Runs the golden scenarios (`fixtures/scenarios/`, answers both engines read) through:
- the whole recommendation in-process (weighing, the four options, robustness, flips,
  runner-up change, ask-next and summary): target under 10 ms median;
- the live preview end to end through Django (`POST /preview/` as htmx sends it, form
  parsing, the engine without flips, the partial template): target under 30 ms median.

The baseline is the engine before the rebuild (commit `BASELINE`), checked out of git
history into a temporary folder and measured in a subprocess of its own; the current tree
is measured the same way, in interleaved rounds, so both see the same machine. Each
figure is printed with its ratio to the baseline. Run: `.venv/bin/python bench/engine.py`.
"""

import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "1d6b9a5"  # the last commit with the score-only engine
ROUNDS = 3
ENGINE_TARGET_MS, PREVIEW_TARGET_MS = 10.0, 30.0

# Measured inside each tree: the answers come from that tree's own scenario files, which
# the rebuild kept unchanged.
PROBE = r"""
import json, os, statistics, sys, time
from pathlib import Path
sys.path.insert(0, os.getcwd())
os.environ["DJANGO_SETTINGS_MODULE"] = "decider.settings"
os.environ["DJANGO_DEBUG"] = "1"
os.environ.pop("REDIS_URL", None)
os.environ["DATABASE_URL"] = "sqlite:///:memory:"
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
import django
django.setup()
from django.test import Client
from decider.engine import parse_answers, recommend

scenarios = [json.loads(p.read_text())["answers"] for p in sorted(Path("fixtures/scenarios").glob("*.json"))]
parsed = [parse_answers(a) for a in scenarios]

def engine_ms():
    times = []
    for answers in parsed * 4:
        start = time.perf_counter()
        recommend(answers)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)

def form(answers):
    data = {k: v for k, v in answers.items() if k != "domains" and not isinstance(v, list)}
    data = {k: str(v) for k, v in data.items()}
    for key in ("ops", "practices", "org"):
        if key in answers:
            data[key] = answers[key]
    domains = answers.get("domains") or [{"name": "users"}, {"name": "orders"}]
    data["domains-TOTAL_FORMS"] = str(len(domains))
    data["domains-INITIAL_FORMS"] = "0"
    for i, d in enumerate(domains):
        data[f"domains-{i}-name"] = d["name"]
        data[f"domains-{i}-load"] = d.get("load", "normal")
        data[f"domains-{i}-depends_on"] = ", ".join(d.get("depends_on", []))
    return data

def preview_ms():
    client = Client(enforce_csrf_checks=False)
    forms = [form(a) for a in scenarios]
    for data in forms:
        assert client.post("/preview/", data, HTTP_HX_REQUEST="true").status_code == 200
    times = []
    for data in forms * 3:
        start = time.perf_counter()
        client.post("/preview/", data, HTTP_HX_REQUEST="true")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)

engine_ms()
print(json.dumps({"engine": engine_ms(), "preview": preview_ms()}))
"""


def baseline_tree(folder: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", BASELINE],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def measure(tree: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tree, capture_output=True, text=True, timeout=600
    )
    if result.returncode:
        raise SystemExit(f"measuring {tree} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        old_tree = baseline_tree(Path(tmp))
        old, new = [], []
        for _ in range(ROUNDS):
            old.append(measure(old_tree))
            new.append(measure(ROOT))
    print(f"{'median over rounds':28} {'baseline':>10} {'now':>10} {'ratio':>7} {'target':>9}")
    for key, target in (("engine", ENGINE_TARGET_MS), ("preview", PREVIEW_TARGET_MS)):
        before = statistics.median(r[key] for r in old)
        after = statistics.median(r[key] for r in new)
        verdict = "ok" if after < target else "OVER"
        print(
            f"{key + ' (ms)':28} {before:10.2f} {after:10.2f} {after / before:6.2f}x "
            f"{'< ' + str(target):>9} {verdict}"
        )


if __name__ == "__main__":
    main()
