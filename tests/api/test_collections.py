import json

import pytest

from decider.models import Assessment, Decomposition, Review

pytestmark = pytest.mark.django_db


def create(client, answers, **extra):
    body = json.dumps(answers | extra)
    return client.post("/api/v1/recommendations", body, content_type="application/json").json()


def test_listing_is_off_unless_the_setting_allows_it(client, settings, answers):
    settings.DECIDER_ALLOW_LISTING = False
    create(client, answers)
    response = client.get("/api/v1/assessments")
    assert response.status_code == 404
    assert "turned off" in response.json()["detail"]


def test_it_lists_the_latest_first_page_by_page_without_repeats(client, settings, answers):
    settings.DECIDER_ALLOW_LISTING = True
    made = [create(client, answers, project=f"p{i}")["id"] for i in range(5)]
    seen, cursor = [], None
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(f"/api/v1/assessments{query}").json()
        assert len(page["items"]) <= 2
        seen += [item["id"] for item in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == list(reversed(made))
    first = client.get("/api/v1/assessments?limit=1").json()["items"][0]
    assert first["project"] == "p4" and first["style"] and first["url"].endswith(f"{made[-1]}/")


def test_a_new_result_between_pages_neither_repeats_nor_skips(client, settings, answers):
    settings.DECIDER_ALLOW_LISTING = True
    older = [create(client, answers)["id"] for _ in range(3)]
    page = client.get("/api/v1/assessments?limit=2").json()
    create(client, answers)
    rest = client.get(f"/api/v1/assessments?limit=10&cursor={page['next']}").json()
    assert [i["id"] for i in page["items"] + rest["items"]] == list(reversed(older))


def test_a_bad_cursor_or_limit_is_a_422_naming_it(client, settings):
    settings.DECIDER_ALLOW_LISTING = True
    bad = client.get("/api/v1/assessments?cursor=not-a-cursor")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "cursor"]
    assert client.get("/api/v1/assessments?limit=1000").status_code == 422


def test_reviews_and_decompositions_list_too(client, settings):
    settings.DECIDER_ALLOW_LISTING = True
    architecture = {"components": [{"name": "a", "kind": "service"}], "links": []}
    client.post("/api/v1/reviews", json.dumps(architecture), content_type="application/json")
    monolith = {"modules": [{"name": "a", "tables": {"t": "rw"}}, {"name": "b"}]}
    client.post("/api/v1/decompositions", json.dumps(monolith), content_type="application/json")
    (review,) = client.get("/api/v1/reviews").json()["items"]
    assert review["components"] == 1
    (decomposition,) = client.get("/api/v1/decompositions").json()["items"]
    assert decomposition["modules"] == 2


@pytest.mark.parametrize("model", [Assessment, Review, Decomposition])
def test_delete_removes_one_result_and_its_downloads(client, answers, model):
    if model is Assessment:
        saved = create(client, answers)
    elif model is Review:
        body = {"components": [{"name": "a", "kind": "service"}], "links": []}
        saved = client.post(
            "/api/v1/reviews", json.dumps(body), content_type="application/json"
        ).json()
    else:
        body = {"modules": [{"name": "a", "tables": {"t": "rw"}}, {"name": "b"}]}
        saved = client.post(
            "/api/v1/decompositions", json.dumps(body), content_type="application/json"
        ).json()
    path = f"/api/v1/{model.resource}s/{saved['id']}"
    assert client.get(f"{path}/diagram.dot").status_code == 200
    assert client.delete(path).status_code == 204
    assert not model.objects.filter(pk=saved["id"]).exists()
    assert client.get(path).status_code == 404
    assert client.get(f"{path}/diagram.dot").status_code == 404
    assert client.delete(path).status_code == 404
