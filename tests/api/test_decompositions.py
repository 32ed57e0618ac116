import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from django.core.cache import cache

from decider.models import Decomposition
from tests.project_archives import locallibrary_files, tarred, zipped

pytestmark = pytest.mark.django_db

MONOLITHS = Path(__file__).resolve().parents[2] / "fixtures" / "monoliths"


def post(client, data, *, path="/api/v1/decompositions", content_type="application/json"):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(path, body, content_type=content_type)


def shop() -> dict:
    return json.loads((MONOLITHS / "shop.json").read_text())


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def test_it_decomposes_a_json_monolith_and_saves_it(client):
    response = post(client, shop())
    assert response.status_code == 201
    data = response.json()
    saved = Decomposition.objects.get(pk=data["id"])
    assert data["url"] == f"/decompositions/{saved.pk}/"
    assert data["granularity"]["criterion"] == "largest_share"
    assert data["resolution"] == data["granularity"]["resolution"] and data["pins"] == {}
    assert "25%" in data["granularity"]["reason"] and data["metrics"]["undecided"] >= 0
    names = {c["name"] for c in data["candidates"]}
    assert {"catalog", "payments", "shipping"} <= names
    assert {"orders", "order_status_history"} <= {s["table"] for s in data["shared_tables"]}
    assert len(data["plan"]) == len(data["candidates"])
    assert set(data["metrics"]) == {
        "undecided",
        "structural_modularity",
        "inter_call_percentage",
        "interface_number",
        "non_extreme_distribution",
    }
    assert data["diagram"]["puml"] == f"/api/v1/decompositions/{saved.pk}/diagram.puml"
    assert set(data["diagram"]) == {"svg", "png", "pdf", "dot", "mmd", "puml", "dsl"}
    assert data["module_count"] == len(shop()["modules"])


def test_resolution_and_pins_beside_the_modules_are_used(client):
    coarse = post(client, shop() | {"resolution": 0.2}).json()
    fine = post(client, shop() | {"resolution": 5}).json()
    assert len(coarse["candidates"]) < len(fine["candidates"])
    pinned = post(client, shop() | {"pins": {"notifications.email": "checkout"}}).json()
    checkout = next(c for c in pinned["candidates"] if c["name"] == "checkout")
    assert "notifications.email" in checkout["modules"]
    assert pinned["pins"] == {"notifications.email": "checkout"}


def test_it_reads_a_saved_decomposition_back(client):
    created = post(client, shop()).json()
    response = client.get(f"/api/v1/decompositions/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created


def test_an_unknown_or_malformed_id_is_a_json_404(client):
    for pk in (uuid.uuid4(), "not-a-uuid"):
        response = client.get(f"/api/v1/decompositions/{pk}")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


def test_a_csv_body_takes_its_options_from_the_query(client):
    text = (MONOLITHS / "bookshop.csv").read_text()
    path = "/api/v1/decompositions?resolution=0.5&pins=web.book_page%3Dstorefront"
    response = post(client, text, path=path, content_type="text/csv")
    assert response.status_code == 201
    data = response.json()
    assert data["resolution"] == 0.5
    storefront = next(c for c in data["candidates"] if c["name"] == "storefront")
    assert "web.book_page" in storefront["modules"]


def test_every_bad_field_is_named_in_a_422(client):
    bad = {
        "modules": [
            {"name": "a", "tables": {"t": "x"}, "calls": {"b": 0, "ghost": 1}},
            {"name": "b", "loc": -1},
        ],
        "resolution": 999,
        "pins": {"a": ""},
    }
    response = post(client, bad)
    assert response.status_code == 422
    locs = [d["loc"] for d in response.json()["detail"]]
    assert ["body", "modules", 0, "tables", "t"] in locs
    assert ["body", "modules", 0, "calls", "b"] in locs
    assert ["body", "modules", 0, "calls", "ghost"] in locs
    assert ["body", "modules", 1, "loc"] in locs
    assert ["body", "resolution"] in locs
    assert ["body", "pins", "a"] in locs
    assert Decomposition.objects.count() == 0


def test_a_pin_to_an_unknown_module_is_a_422(client):
    response = post(client, shop() | {"pins": {"nowhere": "x"}})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "pins", "nowhere"],
            "msg": "Unknown module 'nowhere'.",
            "type": "value_error",
        }
    ]


def test_csv_problems_name_their_line_and_query_problems_the_parameter(client):
    path = "/api/v1/decompositions?resolution=500&pins=no-equals-sign"
    response = post(client, "source,target,count\na,b,x\n", path=path, content_type="text/csv")
    assert response.status_code == 422
    locs = [d["loc"] for d in response.json()["detail"]]
    assert locs == [["body", "line", 2], ["query", "resolution"], ["query", "pins", 0]]


@pytest.mark.parametrize("body", ["{bad", "[" * 100_000, b"\xff\xfe{"])
def test_malformed_json_is_a_400_with_a_message_not_a_500(client, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Malformed JSON")


@pytest.mark.parametrize("body", ["[1]", "3", "null", '"modules"'])
def test_a_json_body_that_is_not_an_object_is_a_422(client, body):
    response = post(client, body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body"]


def test_a_csv_body_that_is_not_utf8_is_a_422(client):
    response = post(client, b"source,target\xff", content_type="text/csv")
    assert response.status_code == 422


def test_another_media_type_is_a_415(client):
    response = post(client, "modules: []", content_type="application/yaml")
    assert response.status_code == 415
    assert "text/csv" in response.json()["detail"]


def test_a_body_over_the_limit_is_refused_with_413(client, settings):
    settings.MONOLITH_BODY_LIMIT = 1000
    response = post(client, shop())
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


@pytest.mark.django_db(transaction=True)
def test_the_largest_monolith_the_core_accepts_decomposes_through_the_api(client):
    # 20,000 modules, the core's maximum, go to a worker; bench/decompose.py measures it.
    from tests.decider.jobs.worker import run_worker

    lines = ["source,target,count"]
    lines += [f"m{i},m{(i * 7 + 1) % 20_000},{1 + i % 5}" for i in range(20_000)]
    lines += [f"m{i},m{(i * 13 + 5) % 20_000}," for i in range(20_000)]
    lines += ["module,table,mode"] + [f"m{i},t{i // 5},rw" for i in range(20_000)]
    body = "\n".join(lines)
    response = post(client, body, content_type="text/csv")
    assert response.status_code == 202
    run_worker()
    done = client.get(response.json()["status_url"]).json()
    assert client.get(done["result"]["api_url"]).json()["module_count"] == 20_000


def test_the_openapi_schema_documents_every_status_and_both_bodies(client):
    schema = client.get("/api/v1/openapi.json").json()
    create = schema["paths"]["/api/v1/decompositions"]["post"]
    assert {"201", "202", "400", "413", "415", "422"} <= set(create["responses"])
    content = create["requestBody"]["content"]
    assert {"application/json", "text/csv"} <= set(content)
    assert "modules" in content["application/json"]["schema"]["properties"]
    get = schema["paths"]["/api/v1/decompositions/{item_id}"]["get"]
    assert {"200", "404"} <= set(get["responses"])
    diagram = schema["paths"]["/api/v1/decompositions/{item_id}/{file}"]["get"]
    assert {"200", "304", "404", "503"} <= set(diagram["responses"])


@pytest.fixture
def saved(client):
    return post(client, shop()).json()


def test_the_diagram_draws_candidates_and_shared_tables(client, saved):
    dot = client.get(saved["diagram"]["dot"]).content.decode()
    assert 'label="catalog\\n' in dot and 'URL="#candidate-1-modules"' in dot
    assert "order_status_history" in dot and "#c62828" in dot


def test_a_rendered_diagram_is_cached(client, saved, monkeypatch):
    from decider import diagrams

    assert client.get(saved["diagram"]["png"]).status_code == 200
    monkeypatch.setattr(diagrams, "render", lambda dot, fmt: pytest.fail("rendered again"))
    assert client.get(saved["diagram"]["png"]).status_code == 200


def test_an_unknown_diagram_format_or_decomposition_is_a_json_404(client, saved):
    assert client.get(f"/api/v1/decompositions/{saved['id']}/diagram.gif").status_code == 404
    response = client.get(f"/api/v1/decompositions/{uuid.uuid4()}/diagram.svg")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_failed_render_is_a_503_in_json(client, saved, monkeypatch):
    from architectures.render import RenderTimeout
    from decider import diagrams

    def fail(dot, fmt):
        raise RenderTimeout("Drawing the diagram took too long.")

    monkeypatch.setattr(diagrams, "render", fail)
    response = client.get(saved["diagram"]["svg"])
    assert response.status_code == 503
    assert "took too long" in response.json()["detail"]
    assert client.get(saved["diagram"]["mmd"]).status_code == 200


def test_a_ten_thousand_module_json_monolith_is_accepted(client, settings):
    settings.DECOMPOSITION_TASK_MODULES = 10_000  # decomposed at once, not queued
    modules = [
        {
            "name": f"billing.invoices.module{i}",
            "tables": {f"billing_table_{i // 5}": "rw", f"audit_table_{i // 50}": "r"},
            "calls": {f"billing.invoices.module{(i * 7 + k) % 10_000}": 1 + k for k in range(1, 6)},
        }
        for i in range(10_000)
    ]
    body = json.dumps({"modules": modules})
    assert len(body) > 2 * 1024 * 1024
    response = post(client, body)
    assert response.status_code == 201
    assert response.json()["module_count"] == 10_000


def project_archive(kind: str) -> bytes:
    files = locallibrary_files(wrapper="")
    return zipped(files) if kind == "zip" else tarred(files)


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [
        ("zip", "application/zip"),
        ("tar.gz", "application/gzip"),
        ("zip", "application/octet-stream"),
    ],
)
def test_a_django_project_archive_decomposes_from_its_source(client, kind, content_type):
    path = "/api/v1/decompositions?teams=2"
    response = post(client, project_archive(kind), path=path, content_type=content_type)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["teams"] == 2 and data["granularity"]["criterion"] == "teams"
    assert any(note.startswith("Unpacked 19 Python files") for note in data["notes"])
    tables = {t for c in data["candidates"] for t in c["tables"]}
    assert {"catalog_book", "catalog_author", "catalog_bookinstance"} <= tables


def test_the_format_can_be_forced_in_the_query(client):
    path = "/api/v1/decompositions?format=python"
    data = post(client, project_archive("zip"), path=path, content_type="application/zip").json()
    assert not any(c["tables"] for c in data["candidates"])


def test_a_hostile_archive_is_a_422_naming_the_entry(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("/etc/cron.d/evil.py", "X = 1\n")
    response = post(client, buffer.getvalue(), content_type="application/zip")
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", "archive"] and "outside the folder" in detail["msg"]


def test_an_archive_media_type_with_something_else_inside_is_a_422(client):
    response = post(client, shop(), content_type="application/zip")
    assert response.status_code == 422
    assert "Not recognised as any monolith format" in response.json()["detail"][0]["msg"]


def test_the_openapi_schema_documents_every_media_type_and_the_generated_json_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    create = schema["paths"]["/api/v1/decompositions"]["post"]
    content = create["requestBody"]["content"]
    assert {"application/zip", "application/gzip", "text/csv", "application/json"} <= set(content)
    assert content["application/zip"]["schema"] == {"type": "string", "format": "binary"}
    body = content["application/json"]["schema"]
    assert body["properties"]["modules"]["maxItems"] == 20_000
    module = body["properties"]["modules"]["items"]["properties"]
    assert module["tables"]["additionalProperties"]["enum"] == ["r", "w", "rw"]
    assert body["properties"]["teams"]["anyOf"][0]["maximum"] == 1000
    assert "$ref" not in json.dumps(body)
    parameters = {p["name"] for p in create["parameters"]}
    assert {"format", "resolution", "teams", "pins"} <= parameters


@pytest.mark.django_db(transaction=True)
def test_a_large_monolith_is_accepted_for_a_worker_and_its_status_leads_to_the_result(
    client, settings
):
    from tests.decider.jobs.worker import run_worker

    settings.DECOMPOSITION_TASK_MODULES = 3
    response = post(client, shop())
    assert response.status_code == 202
    queued = response.json()
    assert queued["status"] == "queued" and Decomposition.objects.count() == 0
    assert client.get(queued["status_url"]).json()["status"] == "queued"
    run_worker()
    status = client.get(queued["status_url"]).json()
    saved = Decomposition.objects.get()
    assert status["status"] == "done" and status["url"] == saved.get_absolute_url()
    assert client.get(status["result"]["api_url"]).json()["id"] == str(saved.pk)


def test_bad_options_on_a_large_monolith_are_still_a_422_at_once(client, settings):
    settings.DECOMPOSITION_TASK_MODULES = 3
    path = "/api/v1/decompositions?pins=nowhere.module=x"
    csv_body = "caller,callee,calls\na.x,b.y,3\nb.y,c.z,1\nc.z,d.w,2\nd.w,a.x,1\n"
    response = post(client, csv_body, path=path, content_type="text/csv")
    assert response.status_code == 422 and Decomposition.objects.count() == 0
