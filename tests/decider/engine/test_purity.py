import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[3]


def test_the_engine_and_the_model_import_without_django():
    code = (
        "import sys, decider.engine, architectures.model;"
        "from decider.engine import parse_answers, recommend;"
        "a = parse_answers({'teams': 3, 'deploy_contention': 'often', 'scaling': 'uniform',"
        " 'tech_diversity': 'none', 'monolith_pain': 2});"
        "recommend(a);"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'));"
        "sys.exit(f'django imported: {bad}' if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr or result.stdout
