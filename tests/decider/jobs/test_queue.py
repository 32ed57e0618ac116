"""The hook for long work: `enqueue_call` queues a function, a worker runs it, and the
status API and the progress page follow it to its result."""

import pytest

from decider.jobs.queue import describe, enqueue_call, progress_url, status_url
from decider.models import Assessment
from tests.decider.jobs.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def save_assessment(answers: dict) -> dict:
    """What a long job looks like to the queue: JSON in, JSON out, with the result's url."""
    from decider.assessments import create_assessment
    from decider.engine import parse_answers

    saved = create_assessment(answers=parse_answers(answers))
    return {"id": str(saved.id), "url": saved.get_absolute_url()}


def fail_loudly() -> None:
    raise RuntimeError("this job always fails")


@pytest.fixture(autouse=True)
def tests_may_queue(settings):
    settings.TASK_MODULES = ["decider.", "tests."]


def test_a_queued_call_runs_on_a_worker_and_reports_its_result(answers):
    pending = enqueue_call(save_assessment, answers)
    assert describe(pending.id)["status"] == "queued"
    assert Assessment.objects.count() == 0
    run_worker()
    done = describe(pending.id)
    assert done["status"] == "done"
    assert done["url"] == Assessment.objects.get().get_absolute_url()


def test_the_status_api_follows_the_task(client, answers):
    pending = enqueue_call(save_assessment, answers)
    assert client.get(status_url(pending.id)).json() == {
        "id": str(pending.id),
        "status": "queued",
        "url": None,
        "result": None,
    }
    run_worker()
    body = client.get(status_url(pending.id)).json()
    assert body["status"] == "done" and body["url"].startswith("/assessments/")


def test_an_unknown_task_is_a_json_404(client):
    assert client.get(status_url("00000000-0000-0000-0000-000000000000")).status_code == 404
    assert client.get(status_url("not-an-id")).status_code == 404


def test_the_progress_page_polls_then_sends_the_browser_to_the_result(client, answers):
    pending = enqueue_call(save_assessment, answers)
    page = client.get(progress_url(pending.id))
    assert page.status_code == 200
    assert b'hx-trigger="load delay:1s"' in page.content and b"<progress" in page.content
    run_worker()
    done = client.get(progress_url(pending.id))
    assert done.status_code == 302 and done["Location"].startswith("/assessments/")
    htmx = client.get(progress_url(pending.id), headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"].startswith("/assessments/")


def test_a_failed_task_says_so_and_stops_polling(client):
    pending = enqueue_call(fail_loudly)
    run_worker()
    assert describe(pending.id)["status"] == "failed"
    page = client.get(progress_url(pending.id))
    assert b"could not be finished" in page.content and b"hx-get" not in page.content


def test_only_importable_functions_of_allowed_packages_are_queued(settings):
    with pytest.raises(ValueError, match="module-level"):
        enqueue_call(lambda: None)
    settings.TASK_MODULES = ["decider."]
    with pytest.raises(ValueError, match="Only Decider's own functions"):
        enqueue_call(save_assessment, {})


def test_arguments_must_be_json():
    with pytest.raises(TypeError):
        enqueue_call(save_assessment, {1, 2})


def test_progress_only_follows_local_next_urls(client, answers):
    assert "next=" not in progress_url("x", "https://evil.example/")
    url = progress_url("x", "/api/v1/reviews/1/diagram.png?v=2")
    assert url.endswith("?next=%2Fapi%2Fv1%2Freviews%2F1%2Fdiagram.png%3Fv%3D2")


def test_accepted_is_the_202_body_that_queued_work_answers_with(client, answers):
    from decider.api.tasks import QueuedOut
    from decider.jobs.queue import accepted

    pending = enqueue_call(save_assessment, answers)
    body = QueuedOut(**accepted(pending)).model_dump()
    assert body["status"] == "queued" and body["id"] == str(pending.id)
    assert client.get(body["status_url"]).json()["status"] == "queued"
    assert client.get(body["progress_url"]).status_code == 200
