import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[3]


def test_the_importers_and_the_review_formats_import_neither_django_nor_decider():
    code = (
        "import sys, architectures.importers, architectures.review_formats;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'decider'));"
        "sys.exit(f'imported: {bad}' if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr or result.stdout
