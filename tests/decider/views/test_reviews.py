import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from architectures.microtosca_export import export_microtosca
from architectures.model import parse_architecture
from decider.models import Review

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).parents[3] / "fixtures" / "architectures"
DEPLOYMENTS = Path(__file__).parents[3] / "fixtures" / "deployments"

BUILD = {
    "source": "build",
    "components-TOTAL_FORMS": "3",
    "components-INITIAL_FORMS": "0",
    "components-0-name": "web",
    "components-0-kind": "client",
    "components-1-name": "orders",
    "components-1-kind": "service",
    "components-2-name": "billing",
    "components-2-kind": "service",
    "links-TOTAL_FORMS": "2",
    "links-INITIAL_FORMS": "0",
    "links-0-source": "web",
    "links-0-target": "orders",
    "links-0-style": "sync",
    "links-1-source": "web",
    "links-1-target": "billing",
    "links-1-style": "sync",
}


def test_the_review_page_offers_building_and_every_registered_format(client):
    html = client.get("/review/").content.decode()
    assert 'value="build"' in html and 'value="import"' in html
    for name in ("json", "microtosca", "compose", "kubernetes"):
        assert f'<option value="{name}"' in html
    assert 'type="file" name="file" multiple' in html
    assert "?example=clean" in html
    assert 'hx-post="/review/analyse/"' in html


def test_an_example_loads_into_the_builder_and_the_json(client):
    html = client.get("/review/?example=sync_cycle").content.decode()
    data = json.loads((EXAMPLES / "sync_cycle.json").read_text())
    first = data["components"][0]["name"]
    assert f'value="{first}"' in html


def test_building_saves_a_review_with_its_findings(client):
    response = client.post("/review/", BUILD)
    saved = Review.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reviews/{saved.pk}/"
    ids = {f["id"] for f in saved.result["anti_patterns"]}
    assert "no-api-gateway" in ids
    page = client.get(response["Location"]).content.decode()
    assert "No API Gateway" in page and 'tabindex="0"><svg' in page


def test_builder_errors_sit_beside_their_rows_and_keep_the_input(client):
    html = client.post("/review/", BUILD | {"links-1-target": "ghost"}).content.decode()
    assert Review.objects.count() == 0
    assert "Unknown component &#x27;ghost&#x27;." in html
    assert 'value="ghost"' in html


def test_rows_can_be_added_and_removed_without_javascript(client):
    added = client.post("/review/", BUILD | {"action": "add-components"}).content.decode()
    assert 'name="components-3-name"' in added
    removed = client.post("/review/", BUILD | {"action": "remove-links-0"}).content.decode()
    assert 'name="links-1-source"' not in removed
    assert 'name="links-0-target" value="billing"' in removed
    assert Review.objects.count() == 0


@pytest.mark.parametrize("index", ["²", "9" * 5000])
def test_a_remove_button_naming_no_row_removes_nothing(client, index):
    page = client.post("/review/", BUILD | {"action": f"remove-links-{index}"})
    assert page.status_code == 200
    assert 'name="links-1-source"' in page.content.decode()


def test_a_bare_row_count_renders_only_the_rows_posted(client):
    page = client.post("/review/analyse/", BUILD | {"links-TOTAL_FORMS": "3000"})
    assert page.status_code == 200
    assert 'name="links-1-source"' in page.content.decode()
    assert 'name="links-2-source"' not in page.content.decode()


def test_the_live_analysis_answers_htmx_with_a_partial(client):
    response = client.post("/review/analyse/", BUILD, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and 'id="live-findings"' in html
    assert "No API Gateway" in html
    assert "HX-Request" in response["Vary"]
    plain = client.post("/review/analyse/", BUILD)
    assert "<html" in plain.content.decode()


def test_pasted_json_errors_name_the_field(client):
    bad = json.dumps({"components": [{"name": "a", "kind": "robot"}]})
    html = client.post("/review/", {"source": "json", "architecture": bad}).content.decode()
    assert "components.0.kind" in html
    assert Review.objects.count() == 0
    html = client.post("/review/", {"source": "json", "architecture": "{oops"}).content.decode()
    assert "Not valid JSON" in html


def test_pasted_json_is_reviewed(client):
    text = (EXAMPLES / "clean.json").read_text()
    response = client.post("/review/", {"source": "json", "architecture": text})
    assert response.status_code == 302
    assert Review.objects.get().result["anti_patterns"] == []


def test_a_saved_review_links_to_its_json_in_the_api(client):
    text = (EXAMPLES / "clean.json").read_text()
    page = client.get(client.post("/review/", {"source": "json", "architecture": text}).url)
    saved = Review.objects.get()
    json_url = f"/api/v1/reviews/{saved.id}"
    assert f'JSON: <a href="{json_url}">' in page.content.decode()
    assert client.get(json_url).json()["id"] == str(saved.id)


def test_an_uploaded_microtosca_file_is_reviewed(client):
    arch = parse_architecture(json.loads((EXAMPLES / "no_gateway.json").read_text()))
    upload = SimpleUploadedFile("arch.yml", export_microtosca(arch).encode(), "application/yaml")
    response = client.post("/review/", {"source": "microtosca", "file": upload})
    assert response.status_code == 302
    assert "no-api-gateway" in {f["id"] for f in Review.objects.get().result["anti_patterns"]}


def test_a_malformed_microtosca_upload_says_where(client):
    upload = SimpleUploadedFile("arch.yml", b"a: [\n", "application/yaml")
    html = client.post("/review/", {"source": "microtosca", "file": upload}).content.decode()
    assert "yaml." in html
    assert Review.objects.count() == 0


def test_a_distributed_monolith_is_a_banner_above_the_other_warnings(client):
    text = (EXAMPLES / "sync_cycle.json").read_text()
    response = client.post("/review/", {"source": "json", "architecture": text})
    html = client.get(response["Location"]).content.decode()
    banner = html.index('id="distributed-monolith-banner"')
    assert banner < html.index("Cyclic Dependency")
    assert 'href="/anti-patterns/#cyclic-dependency"' in html


def test_deeply_nested_pasted_json_is_an_error_beside_the_field(client):
    html = client.post("/review/", {"source": "json", "architecture": "[" * 100_000}).content
    assert b"nested too deeply" in html
    assert Review.objects.count() == 0


def deployment_file(path: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(Path(path).name, (DEPLOYMENTS / path).read_bytes())


def test_a_compose_file_and_its_override_are_uploaded_together(client):
    files = [
        deployment_file("eshoponcontainers/docker-compose.yml"),
        deployment_file("eshoponcontainers/docker-compose.override.yml"),
    ]
    response = client.post("/review/", {"source": "import", "file": files})
    assert response.status_code == 302
    saved = Review.objects.get()
    assert saved.result["source"]["files"] == ["docker-compose.yml", "docker-compose.override.yml"]
    page = client.get(response["Location"]).content.decode()
    assert 'id="import-warnings"' in page and "Left out as tool" in page
    assert 'id="evidence"' in page and "services.basket-api.environment.EventBusConnection" in page
    assert "Imported from compose: docker-compose.yml, docker-compose.override.yml" in page


def test_secret_values_are_neither_saved_nor_shown(client):
    compose = (
        "services:\n  api:\n    image: acme/api\n    environment:\n"
        "      DB_PASSWORD: hunter2-secret\n      DATABASE_URL: postgres://app:s3cr3t-pw@db:5432/app\n"
        "  db: {image: postgres}\n"
    )
    response = client.post("/review/", {"source": "import", "architecture": compose})
    page = client.get(response["Location"]).content.decode()
    stored = repr(Review.objects.get().__dict__)
    for secret in ("hunter2-secret", "s3cr3t-pw"):
        assert secret not in page and secret not in stored
    assert "DATABASE_URL names &#x27;db&#x27;" in page


def test_pasted_kubernetes_manifests_are_detected(client):
    text = (DEPLOYMENTS / "online-boutique" / "kubernetes-manifests.yaml").read_text()
    response = client.post("/review/", {"source": "import", "architecture": text})
    assert response.status_code == 302
    assert Review.objects.get().result["source"]["format"] == "kubernetes"


def test_a_chosen_format_is_forced_and_its_errors_name_file_and_key(client):
    upload = deployment_file("online-boutique/kubernetes-manifests.yaml")
    html = client.post(
        "/review/", {"source": "import", "format": "compose", "file": upload}
    ).content.decode()
    assert "kubernetes-manifests.yaml: services: A compose file needs" in html
    assert Review.objects.count() == 0


def test_unrecognised_text_is_an_error_beside_the_format(client):
    html = client.post(
        "/review/", {"source": "import", "architecture": "hello: there\n"}
    ).content.decode()
    assert 'id="field-format"' in html and "Not recognised as any architecture format" in html
    assert client.post("/review/", {"source": "import"}).status_code == 200
    assert Review.objects.count() == 0


def test_without_javascript_the_analysis_fills_the_whole_page(client):
    html = client.post("/review/analyse/", BUILD).content.decode()
    analysis = html[html.index('<section id="analysis"') :]
    assert analysis.index('id="live-findings"') < analysis.index("</section>")
    assert 'name="components-0-name"' in html  # the builder is still there
