import multiprocessing
import time

import pytest

from decider.dot_slots import RenderBusy, dot_slot


@pytest.fixture
def slots(settings, tmp_path):
    settings.DOT_SLOTS_DIR = str(tmp_path)
    settings.DOT_CONCURRENCY = 2
    return settings


def hold_slot(slots_dir: str, seconds: float, ready) -> None:
    from django.conf import settings

    settings.DOT_SLOTS_DIR = slots_dir
    settings.DOT_CONCURRENCY = 2
    with dot_slot(1.0):
        ready.release()
        time.sleep(seconds)


def test_no_more_than_the_limit_render_at_once_across_processes(slots):
    context = multiprocessing.get_context("fork")
    ready = context.Semaphore(0)
    holders = [
        context.Process(target=hold_slot, args=(slots.DOT_SLOTS_DIR, 1.5, ready)) for _ in range(2)
    ]
    for holder in holders:
        holder.start()
    ready.acquire()
    ready.acquire()
    started = time.monotonic()
    with pytest.raises(RenderBusy), dot_slot(0.3):
        pass
    assert 0.25 < time.monotonic() - started < 1.0
    for holder in holders:
        holder.join()
    with dot_slot(0.1):  # a slot is free again once a holder is gone
        pass


def test_a_killed_holder_frees_its_slot(slots):
    context = multiprocessing.get_context("fork")
    ready = context.Semaphore(0)
    holders = [
        context.Process(target=hold_slot, args=(slots.DOT_SLOTS_DIR, 60, ready)) for _ in range(2)
    ]
    for holder in holders:
        holder.start()
    ready.acquire()
    ready.acquire()
    holders[0].kill()
    holders[0].join()
    with dot_slot(1.0):
        pass
    holders[1].kill()
    holders[1].join()


def test_slots_are_reentrant_in_one_process_only_up_to_the_limit(slots):
    with dot_slot(0.1), dot_slot(0.1), pytest.raises(RenderBusy), dot_slot(0.1):
        pass
