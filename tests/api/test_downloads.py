"""Every download of every kind of saved result, as the export registry declares them."""

import json
import uuid

import pytest

from decider.exports import EXPORTS, exports_for

pytestmark = pytest.mark.django_db

MAGIC = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF-", "dot": b"digraph",
         "mmd": b"flowchart", "puml": b"@startuml", "dsl": b"workspace",
         "microtosca": b"tosca_definitions_version", "adr": b"---\nstatus: proposed"}  # fmt: skip
ARCHITECTURE = {
    "components": [
        {"name": "web", "kind": "client"},
        {"name": "orders", "kind": "service"},
        {"name": "orders db", "kind": "datastore"},
    ],
    "links": [{"source": "web", "target": "orders"}, {"source": "orders", "target": "orders db"}],
}
MONOLITH = {
    "modules": [
        {"name": "a", "tables": {"t1": "rw"}, "calls": {"b": 2}},
        {"name": "b", "tables": {"t2": "rw"}},
    ]
}


def create(client, resource, answers):
    path, body = {
        "assessment": ("/api/v1/recommendations", answers | {"project": "Billing"}),
        "review": ("/api/v1/reviews", ARCHITECTURE),
        "decomposition": ("/api/v1/decompositions", MONOLITH),
    }[resource]
    response = client.post(path, json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


CASES = [(r, e) for r in ("assessment", "review", "decomposition") for e in exports_for(r)]


@pytest.mark.parametrize(("resource", "export"), CASES, ids=lambda x: getattr(x, "name", x))
def test_every_download_answers_get_and_head_alike(client, answers, resource, export):
    saved = create(client, resource, answers)
    url = f"/api/v1/{resource}s/{saved['id']}/{export.filename}"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == export.content_type
    assert response.content.lstrip().startswith(MAGIC[export.name])
    named = "-billing" if resource == "assessment" else ""
    expected = f"decider-{resource}-{saved['id'][:8]}{named}.{export.extension}"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    for header in ("Content-Type", "Content-Disposition", "ETag", "Cache-Control"):
        assert head[header] == response[header]
    again = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize("resource", ["assessment", "review", "decomposition"])
def test_an_unknown_download_or_result_is_a_json_404(client, answers, resource):
    saved = create(client, resource, answers)
    unknown = client.get(f"/api/v1/{resource}s/{saved['id']}/diagram.gif")
    assert unknown.status_code == 404 and "diagram.svg" in unknown.json()["detail"]
    missing = client.get(f"/api/v1/{resource}s/{uuid.uuid4()}/diagram.svg")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not found."}


def test_a_decomposition_offers_no_record_and_a_review_no_adr(client, answers):
    review = create(client, "review", answers)
    assert client.get(f"/api/v1/reviews/{review['id']}/adr.md").status_code == 404
    decomposition = create(client, "decomposition", answers)
    path = f"/api/v1/decompositions/{decomposition['id']}/architecture.microtosca.yml"
    assert client.get(path).status_code == 404


def test_the_openapi_lists_every_download_of_each_result(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    operation = paths["/api/v1/assessments/{item_id}/{file}"]
    for method in ("get", "head"):
        (file,) = [p for p in operation[method]["parameters"] if p["name"] == "file"]
        assert file["schema"]["enum"] == [e.filename for e in exports_for("assessment")]
    content = operation["get"]["responses"]["200"]["content"]
    assert {e.content_type.split(";")[0] for e in EXPORTS} == set(content)
