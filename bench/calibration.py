"""Agreement with the sourced public decisions (`fixtures/cases/`), now and before the
engine was rebuilt, side by side.

The baseline engine (commit `bench.engine.BASELINE`) is checked out of git history and
asked in a subprocess of its own. It knows fewer questions and no "don't know", so each
case is put to it as fairly as it allows: questions it does not know are left out (it
ignores them), an optional question answered "unknown" takes its default, set members it
does not know are dropped, and a case whose required answer is "unknown" cannot be asked
at all: it counts as a disagreement, and the count is printed. Agreement is judged as
`decider.engine.calibration` judges it. Run: `.venv/bin/python bench/calibration.py`.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.engine import baseline_tree  # noqa: E402
from decider.engine.calibration import CASES, agreement, load_cases, run  # noqa: E402

MEASURES = ("architecture", "style", "confidence", "all three")

# Runs inside the baseline tree; argv[1] is the folder of cases.
PROBE = r"""
import json, os, sys
from pathlib import Path
sys.path.insert(0, os.getcwd())
from decider.engine.answers import REQUIRED, _ENUMS, _SETS, AnswersInvalid, parse_answers
from decider.engine.recommendation import recommend

counts = {"architecture": 0, "style": 0, "confidence": 0, "all three": 0}
cases = unaskable = 0
for path in sorted(Path(sys.argv[1]).glob("*.json")):
    case = json.loads(path.read_text(encoding="utf-8"))
    expected, cases = case["expected"], cases + 1
    answers = {name: entry["value"] for name, entry in case["answers"].items()}
    if any(answers.get(name) in ("unknown", None) for name in REQUIRED):
        unaskable += 1
        continue
    put = {}
    for name, value in answers.items():
        if value in ("unknown", None):
            continue
        if name in _SETS:
            value = [v for v in value if v in {m.value for m in _SETS[name]}]
        if name in _ENUMS and value not in {m.value for m in _ENUMS[name]}:
            continue
        put[name] = value
    try:
        verdict = recommend(parse_answers(put)).verdict
    except AnswersInvalid:
        unaskable += 1
        continue
    style = str(verdict.style) in expected["styles"]
    agrees = {
        "architecture": style or str(verdict.architecture) == expected["architecture"],
        "style": style,
        "confidence": str(verdict.confidence) in expected["confidences"],
    }
    agrees["all three"] = all(agrees.values())
    for key, ok in agrees.items():
        counts[key] += ok
print(json.dumps({"cases": cases, "unaskable": unaskable, "counts": counts}))
"""


def before(cases: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tree = baseline_tree(Path(tmp))
        result = subprocess.run(
            [sys.executable, "-c", PROBE, str(cases)],
            cwd=tree,
            capture_output=True,
            text=True,
            timeout=600,
        )
    if result.returncode:
        raise SystemExit(f"asking the baseline engine failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    old = before(CASES)
    outcomes = run(load_cases(CASES))
    now = agreement(outcomes)
    n = len(outcomes)
    print(f"{n} sourced cases; the baseline engine could not be asked {old['unaskable']}")
    print(f"{'agreement':14} {'before':>10} {'now':>10}")
    for key in MEASURES:
        then = old["counts"][key]
        print(f"{key:14} {then:>4} ({then / n:4.0%}) {round(now[key] * n):>4} ({now[key]:4.0%})")


if __name__ == "__main__":
    main()
