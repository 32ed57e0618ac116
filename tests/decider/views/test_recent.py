import uuid

import pytest
from django.test import RequestFactory

from decider.views.recent import KEEP, SESSION_KEY, remember

pytestmark = pytest.mark.django_db


def test_nothing_is_listed_for_a_new_browser(client):
    assert "Nothing yet" in client.get("/recent/").content.decode()


def test_an_opened_assessment_is_listed_first_and_once(client, saved_assessment_id):
    url = f"/assessments/{saved_assessment_id}/"
    client.get(url)
    client.get("/glossary/")
    client.get(url)
    entries = client.session[SESSION_KEY]
    assert [e["url"] for e in entries] == [url]
    assert entries[0]["kind"] == "assessment"
    assert url in client.get("/recent/").content.decode()


def test_the_list_keeps_the_newest_only():
    request = RequestFactory().get("/")
    request.session = {}
    for n in range(KEEP + 5):
        remember(request, kind="review", url=f"/reviews/{n}/", title=str(n))
    urls = [e["url"] for e in request.session[SESSION_KEY]]
    assert len(urls) == KEEP and urls[0] == f"/reviews/{KEEP + 4}/"


def test_another_browser_sees_nothing(client, saved_assessment_id):
    client.get(f"/assessments/{saved_assessment_id}/")
    from django.test import Client

    assert "Nothing yet" in Client().get("/recent/").content.decode()


def test_forgetting_empties_the_list(client, saved_assessment_id):
    client.get(f"/assessments/{saved_assessment_id}/")
    client.post("/recent/")
    assert SESSION_KEY not in client.session


def test_only_what_a_page_shows_is_remembered(client, saved_assessment_id):
    assert client.get(f"/decompositions/{uuid.uuid4()}/").status_code == 404
    assert client.get(f"/reviews/{uuid.uuid4()}/").status_code == 404
    assert SESSION_KEY not in client.session
    url = f"/assessments/{saved_assessment_id}/"
    client.get(url)
    assert [e["url"] for e in client.session[SESSION_KEY]] == [url]


def test_an_opened_decomposition_is_listed(client):
    monolith = (
        '{"modules": [{"name": "a", "tables": {"t": "rw"}, "calls": {"b": 2}},'
        ' {"name": "b", "tables": {"u": "rw"}, "calls": {}}]}'
    )
    response = client.post("/decompose/", {"monolith": monolith, "granularity": "2", "pins": ""})
    client.get(response["Location"])
    entry = client.session[SESSION_KEY][0]
    assert entry["kind"] == "decomposition" and entry["url"] == response["Location"]


@pytest.fixture
def saved_assessment_id(client, answers):
    from decider.assessments import create_assessment
    from decider.engine.answers import parse_answers

    return create_assessment(answers=parse_answers(answers)).pk
