import json
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from architectures.diagram import MARK_COLOR
from architectures.microtosca_export import export_microtosca
from architectures.model import parse_architecture
from decider.models import Review

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).parents[2] / "fixtures" / "architectures"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text())


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post("/api/v1/reviews", data, content_type=content_type)


def test_it_reviews_and_saves_an_architecture(client):
    response = post(client, example("shared_database"))
    assert response.status_code == 201
    data = response.json()
    saved = Review.objects.get(pk=data["id"])
    assert data["url"] == f"/reviews/{saved.pk}/"
    shared = next(f for f in data["anti_patterns"] if f["id"] == "shared-persistence")
    assert "main-db" in shared["elements"]
    assert set(data["diagram"]) == {"svg", "png", "pdf", "dot", "mmd", "puml", "dsl"}
    assert client.get(f"/api/v1/reviews/{saved.pk}").json() == data


def test_a_clean_architecture_has_no_finding(client):
    assert post(client, example("clean")).json()["anti_patterns"] == []


def test_it_imports_microtosca_yaml(client):
    yaml_text = export_microtosca(parse_architecture(example("sync_cycle")))
    response = post(client, yaml_text, content_type="application/yaml")
    assert response.status_code == 201
    assert "cyclic-dependency" in {f["id"] for f in response.json()["anti_patterns"]}


def test_malformed_yaml_is_a_422_that_says_where(client):
    response = post(client, "topology_template:\n  node_templates: [\n", "application/yaml")
    assert response.status_code == 422
    loc = response.json()["detail"][0]["loc"]
    assert loc[:2] == ["body", "yaml"] and isinstance(loc[2], int)


def test_yaml_tags_that_build_objects_are_refused(client):
    body = "!!python/object/apply:os.system ['echo hacked']\n"
    response = post(client, body, "application/yaml")
    assert response.status_code == 422


def test_every_bad_field_is_named(client):
    body = {
        "components": [{"name": "a", "kind": "robot"}, {"name": "", "kind": "service"}],
        "links": [{"source": "a", "target": "nowhere", "style": "telepathy"}],
    }
    response = post(client, body)
    assert response.status_code == 422
    locs = {tuple(d["loc"]) for d in response.json()["detail"]}
    assert ("body", "components", 0, "kind") in locs
    assert ("body", "components", 1, "name") in locs
    assert ("body", "links", 0, "target") in locs
    assert ("body", "links", 0, "style") in locs


def test_too_many_components_is_a_clear_422_not_a_slow_render(client):
    body = {"components": [{"name": f"s{i}", "kind": "service"} for i in range(301)]}
    response = post(client, body)
    assert response.status_code == 422
    assert "At most 300" in response.json()["detail"][0]["msg"]


def test_bodies_that_are_not_architectures_are_client_errors(client):
    assert post(client, "{nope").status_code == 400
    assert post(client, "[1, 2]").status_code == 422
    assert post(client, "hello", content_type="text/plain").status_code == 415


def test_the_diagram_marks_the_elements_of_each_finding(client):
    data = post(client, example("shared_database")).json()
    svg = client.get(data["diagram"]["svg"]).content.decode()
    assert "main&#45;db" in svg
    assert f'stroke="{MARK_COLOR}"' in svg
    assert "⚠ 1" in svg


def test_the_review_exports_microtosca_that_imports_back(client):
    data = post(client, example("shared_database")).json()
    response = client.get(data["microtosca"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/yaml"
    again = post(client, response.content, content_type="application/yaml").json()
    assert {c["name"] for c in again["architecture"]["components"]} >= {"orders", "main-db"}


def test_an_unknown_review_is_a_json_404(client):
    assert client.get(f"/api/v1/reviews/{uuid.uuid4()}").status_code == 404
    assert client.get("/api/v1/reviews/x/diagram.svg").json() == {"detail": "Not found."}


def test_the_openapi_documents_both_body_types(client):
    op = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/reviews"]["post"]
    assert {"application/json", "application/yaml"} <= set(op["requestBody"]["content"])
    assert {"201", "400", "413", "415", "422"} <= set(op["responses"])


def test_deeply_nested_json_is_a_400_not_a_500(client):
    response = post(client, "[" * 100_000 + "]" * 100_000)
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


def test_a_yaml_alias_bomb_is_refused_at_once(client):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 10)}]")
    response = post(client, "\n".join(lines) + "\n", "application/yaml")
    assert response.status_code == 422
    assert "aliases" in response.json()["detail"][0]["msg"]
    assert len(response.content) < 2000


def test_link_ends_that_are_not_names_are_a_422(client):
    body = {
        "components": [{"name": "a", "kind": "service"}],
        "links": [{"source": ["a"], "target": {}}],
    }
    response = post(client, body)
    assert response.status_code == 422
    assert {tuple(d["loc"][-1:]) for d in response.json()["detail"]} == {("source",), ("target",)}


def test_metadata_that_would_make_a_review_unreadable_is_refused(client):
    yaml_text = export_microtosca(parse_architecture(example("clean")))
    too_many = yaml_text.replace(
        "metadata:",
        "metadata:\n        modules: [" + ", ".join(f"m{i}" for i in range(150)) + "]",
        1,
    )
    response = post(client, too_many, "application/yaml")
    assert response.status_code == 422
    assert Review.objects.count() == 0


DEPLOYMENTS = Path(__file__).parents[2] / "fixtures" / "deployments"
COMPOSE = "services:\n  web: {image: acme/web, depends_on: [db], ports: ['80:80']}\n  db: {image: postgres}\n"


def test_kubernetes_manifests_are_detected_with_warnings_and_evidence(client):
    body = (DEPLOYMENTS / "online-boutique" / "kubernetes-manifests.yaml").read_bytes()
    response = post(client, body, "application/yaml")
    assert response.status_code == 201
    data = response.json()
    assert data["source"] == {"format": "kubernetes", "files": []}
    assert any(
        w["kind"] == "unresolved-host" and "shoppingassistantservice" in w["message"]
        for w in data["warnings"]
    )
    evidence = next(e for e in data["evidence"]["links"] if e["target"] == "redis-cart")
    assert evidence["key"] == "spec.template.spec.containers[0].env[0].value"
    assert evidence["file"] == "pasted text" and isinstance(evidence["document"], int)
    assert (
        client.get(data["url"].replace("/reviews/", "/api/v1/reviews/").rstrip("/")).json() == data
    )


def test_a_compose_file_is_detected_and_the_format_can_be_forced(client):
    assert post(client, COMPOSE, "application/yaml").json()["source"]["format"] == "compose"
    forced = client.post(
        "/api/v1/reviews?format=kubernetes", COMPOSE, content_type="application/yaml"
    )
    assert forced.status_code == 422
    assert forced.json()["detail"][0]["loc"] == ["body", "kind"]


def test_an_unknown_format_is_a_422_on_the_query(client):
    response = client.post("/api/v1/reviews?format=helm", COMPOSE, content_type="application/yaml")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "format"]


def test_several_files_go_as_multipart_in_order(client):
    files = [
        SimpleUploadedFile(name, (DEPLOYMENTS / "eshoponcontainers" / name).read_bytes())
        for name in ("docker-compose.yml", "docker-compose.override.yml")
    ]
    response = client.post("/api/v1/reviews", {"file": files})
    assert response.status_code == 201
    data = response.json()
    assert data["source"]["files"] == ["docker-compose.yml", "docker-compose.override.yml"]
    assert "Pass@word" not in response.content.decode()
    saved = Review.objects.get(pk=data["id"])
    assert "Pass@word" not in json.dumps(saved.result) + json.dumps(saved.architecture)


def test_errors_in_deployment_files_name_the_document_and_the_key(client):
    body = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {}\n"
    response = post(client, body, "application/yaml")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "documents", 1, "metadata", "name"]
    named = client.post(
        "/api/v1/reviews",
        {"file": [SimpleUploadedFile("c.yml", b"services:\n  web: {ports: 80}\n")]},
    )
    assert named.json()["detail"][0]["loc"] == ["body", "c.yml", "services", "web", "ports"]


def test_yaml_in_no_known_format_is_a_422_and_other_bodies_a_415(client):
    response = post(client, "hello: there\n", "application/yaml")
    assert response.status_code == 422 and "Not recognised" in response.json()["detail"][0]["msg"]
    assert post(client, "x", content_type="text/csv").status_code == 415


def test_the_openapi_documents_formats_warnings_and_evidence(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/reviews"]["post"]
    assert "multipart/form-data" in operation["requestBody"]["content"]
    assert "compose" in operation["requestBody"]["description"]
    parameter = next(p for p in operation["parameters"] if p["name"] == "format")
    assert parameter["in"] == "query"
    review = schema["components"]["schemas"]["ReviewOut"]
    assert {"warnings", "evidence", "source"} <= set(review["required"])
    assert "LinkEvidenceOut" in schema["components"]["schemas"]


def test_a_malformed_multipart_body_is_a_json_400(client):
    response = client.generic(
        "POST", "/api/v1/reviews", b"garbage", content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert "multipart" in response.json()["detail"]
    empty = client.post("/api/v1/reviews", {"note": "no file"})
    assert empty.status_code == 422 and empty.json()["detail"][0]["loc"] == ["body", "file"]
