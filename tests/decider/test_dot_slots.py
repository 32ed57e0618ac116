import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from decider.dot_slots import RenderBusy, dot_slot

ROOT = Path(__file__).resolve().parents[2]
HOLD = (
    "import sys, time, django; django.setup(); from decider.dot_slots import dot_slot\n"
    "with dot_slot(1.0):\n    print('held', flush=True); time.sleep(float(sys.argv[1]))\n"
)


@pytest.fixture
def slots(settings, tmp_path):
    settings.DOT_SLOTS_DIR = str(tmp_path)
    settings.DOT_CONCURRENCY = 2
    return settings


def holder(slots, seconds: float) -> subprocess.Popen:
    """Another process on the machine, holding a slot for `seconds`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "decider.settings",
        "DJANGO_DEBUG": "1",
        "DECIDER_DOT_SLOTS_DIR": slots.DOT_SLOTS_DIR,
        "DECIDER_DOT_CONCURRENCY": "2",
    }
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(seconds)], cwd=ROOT, env=env, stdout=subprocess.PIPE
    )
    assert process.stdout.readline() == b"held\n"
    return process


def test_no_more_than_the_limit_render_at_once_across_processes(slots):
    holders = [holder(slots, 1.5), holder(slots, 1.5)]
    started = time.monotonic()
    with pytest.raises(RenderBusy), dot_slot(0.3):
        pass
    assert 0.25 < time.monotonic() - started < 1.0
    for process in holders:
        process.wait(timeout=10)
    with dot_slot(0.1):  # free again once the holders are done
        pass


def test_a_killed_holder_frees_its_slot(slots):
    holders = [holder(slots, 60), holder(slots, 60)]
    holders[0].kill()
    holders[0].wait()
    with dot_slot(1.0):
        pass
    holders[1].kill()
    holders[1].wait()


def test_slots_are_counted_within_one_process_too(slots):
    with dot_slot(0.1), dot_slot(0.1), pytest.raises(RenderBusy), dot_slot(0.1):
        pass
