import json
import uuid

import pytest

from decider.models import Assessment

pytestmark = pytest.mark.django_db


def post(client, data, **extra):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post("/api/v1/recommendations", body, content_type="application/json", **extra)


def test_it_recommends_and_saves_an_assessment(client, answers):
    response = post(client, answers)
    assert response.status_code == 201
    data = response.json()
    saved = Assessment.objects.get(pk=data["id"])
    assert data["url"] == f"/assessments/{saved.pk}/"
    assert data["recommendation"]["architecture"] == "microservices"
    assert data["recommendation"]["style"] == "incremental_migration"
    assert data["answers"]["distributed_experience"] == "some"
    # Each figure is rounded to three places, so the sum may differ by half a unit each.
    assert sum(f["contribution"] for f in data["factors"]) == pytest.approx(
        data["recommendation"]["score"], abs=0.0005 * (len(data["factors"]) + 1)
    )
    assert set(data["diagram"]) == {"svg", "png", "pdf", "dot", "mmd", "puml", "dsl"}
    assert data["diagram"]["svg"] == f"/api/v1/assessments/{saved.pk}/diagram.svg"
    assert "anti_patterns" in data and "architecture" in data


def test_it_reads_a_saved_assessment_back(client, answers):
    created = post(client, answers).json()
    response = client.get(f"/api/v1/assessments/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created


def test_an_unknown_id_is_a_json_404(client):
    for pk in (uuid.uuid4(), "not-a-uuid"):
        response = client.get(f"/api/v1/assessments/{pk}")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}


def test_bad_fields_are_each_named_in_a_422(client, answers):
    response = post(client, answers | {"teams": 0, "scaling": "huge", "ops": ["magic"]})
    assert response.status_code == 422
    locs = {
        tuple(d["loc"][-2:]) if d["loc"][-2] == "ops" else d["loc"][-1]
        for d in response.json()["detail"]
    }
    assert {"teams", "scaling", ("ops", 0)} <= locs
    assert Assessment.objects.count() == 0


def test_unknown_domain_names_are_a_422_naming_the_domain(client, answers):
    domains = [{"name": "orders", "depends_on": ["billing"]}]
    response = post(client, answers | {"domains": domains})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "domains", 0, "depends_on"],
            "msg": "Unknown domain 'billing'.",
            "type": "value_error",
        }
    ]


def test_malformed_json_is_a_client_error_not_a_500(client):
    response = post(client, "{bad")
    assert response.status_code == 400
    assert "detail" in response.json()


def test_a_body_over_the_limit_is_refused_with_413(client, answers, settings):
    settings.BODY_LIMIT = 1000
    big = answers | {"domains": [{"name": f"d{i}"} for i in range(90)]}
    response = post(client, big)
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_the_openapi_schema_documents_every_status(client):
    schema = client.get("/api/v1/openapi.json").json()
    post_op = schema["paths"]["/api/v1/recommendations"]["post"]
    assert {"201", "400", "413", "422"} <= set(post_op["responses"])
    get_op = schema["paths"]["/api/v1/assessments/{assessment_id}"]["get"]
    assert {"200", "404"} <= set(get_op["responses"])
    scaling = schema["components"]["schemas"]["AnswersIn"]["properties"]["scaling"]
    if "$ref" in scaling:
        scaling = schema["components"]["schemas"][scaling["$ref"].rsplit("/", 1)[1]]
    assert scaling["enum"] == ["uniform", "moderate", "divergent", "unknown"]


def test_the_interactive_docs_are_served(client):
    assert client.get("/api/v1/docs").status_code == 200


@pytest.fixture
def saved(client, answers):
    domains = [
        {"name": "orders", "team": "Shop", "depends_on": ["users"], "publishes_to": ["shipping"]},
        {"name": "users", "team": "Identity"},
        {"name": "shipping", "team": "Logistics", "load": "high"},
    ]
    return post(client, answers | {"domains": domains, "existing_system": "none"}).json()


def test_the_assessment_carries_the_proposed_architecture(saved):
    names = {c["name"] for c in saved["architecture"]["components"]}
    assert {"Client", "API gateway", "orders service", "users service", "shipping service"} <= names
    assert {"orders db", "users db", "shipping db"} <= names


def test_an_unknown_diagram_format_or_assessment_is_a_json_404(client, saved):
    assert client.get(f"/api/v1/assessments/{saved['id']}/diagram.gif").status_code == 404
    response = client.get(f"/api/v1/assessments/{uuid.uuid4()}/diagram.svg")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_failed_render_is_a_503_in_json(client, saved, monkeypatch):
    from architectures.render import RenderTimeout
    from decider import diagrams

    def timeout(*args):
        raise RenderTimeout("Rendering the diagram took too long.")

    monkeypatch.setattr(diagrams, "render", timeout)
    diagrams.cache.clear()
    response = client.get(saved["diagram"]["png"])
    assert response.status_code == 503
    assert "too long" in response.json()["detail"]


def test_the_adr_is_markdown_of_the_verdict(client, saved):
    response = client.get(f"/api/v1/assessments/{saved['id']}/adr.md")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("---\nstatus: proposed\n")
    assert "\n# Microservices for our system\n" in text
    assert f"/assessments/{saved['id']}/" in text
    assert client.get(f"/api/v1/assessments/{uuid.uuid4()}/adr.md").status_code == 404


def test_the_assessment_warns_from_the_answers_and_marks_the_diagram(client, answers):
    domains = [
        {"name": "orders", "team": "Shop", "depends_on": ["users"]},
        {"name": "users", "team": "Identity"},
        {"name": "billing", "team": "Money", "depends_on": ["users"]},
    ]
    body = answers | {
        "existing_system": "none",
        "domains": domains,
        "org": ["shared_domain_library"],
    }
    data = post(client, body).json()
    ids = [f["id"] for f in data["anti_patterns"]]
    assert "shared-libraries" in ids
    assert "local-logging" in ids and "api-versioning" in ids
    logging = next(f for f in data["anti_patterns"] if f["id"] == "local-logging")
    number = ids.index("local-logging") + 1
    assert logging["elements"]
    dot = client.get(data["diagram"]["dot"]).content.decode()
    assert f"⚠ {number}" in dot


def test_the_proposed_architecture_has_no_architectural_finding(client, answers):
    from architectures.antipatterns import detect_in
    from architectures.model import parse_architecture

    data = post(client, answers | {"existing_system": "none"}).json()
    architecture = parse_architecture(data["architecture"])
    assert detect_in(architecture) == []


def test_deeply_nested_json_is_a_client_error(client):
    assert post(client, "[" * 100_000 + "]" * 100_000).status_code == 400


def test_a_team_name_that_is_not_printable_is_a_422_and_nothing_is_saved(client, answers):
    domains = [{"name": "orders", "team": "a\nb"}]
    response = post(client, answers | {"domains": domains})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "team"
    assert Assessment.objects.count() == 0


def test_dont_know_answers_travel_through_the_api_and_lower_confidence(client, answers):
    sure = post(client, answers).json()["recommendation"]
    unsure = post(
        client,
        answers | {"deploy_contention": "unknown", "monolith_pain": None, "unknown_ops": True},
    ).json()
    rec = unsure["recommendation"]
    assert unsure["answers"]["monolith_pain"] is None
    assert rec["unknowns"] == ["deploy_contention", "monolith_pain", "ops"]
    assert 1 <= len(rec["ask_next"]) <= 3
    assert rec["robustness"] <= sure["robustness"]


def test_the_api_refuses_a_boolean_or_a_string_as_a_number(client, answers):
    for bad in (True, "3"):
        response = post(client, answers | {"teams": bad})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][-1] == "teams"


def test_a_fleet_of_forty_services_for_four_teams_is_told_to_consolidate(client, answers):
    fleet = answers | {"teams": 4, "existing_system": "microservices", "services_today": 40}
    data = post(client, fleet).json()
    assert data["recommendation"]["summary"].startswith("Consolidate: merge the 40 services")
    services = [c for c in data["architecture"]["components"] if c["kind"] == "service"]
    assert all(c["note"].startswith("Consolidates today's 40 services") for c in services)
    dot = client.get(data["diagram"]["dot"]).content.decode()
    assert "consolidating 40 services" in dot


def test_an_assessment_carries_its_project_and_the_one_it_re_ran(client, answers):
    first = post(client, answers | {"project": "Billing platform"}).json()
    assert first["project"] == "Billing platform" and first["previous"] is None
    assert first["compare"] is None
    second = post(client, answers | {"teams": 2, "previous": first["id"]}).json()
    assert second["previous"] == first["id"]
    assert second["compare"] == f"/api/v1/assessments/{first['id']}/compare/{second['id']}"


def test_a_previous_that_does_not_exist_is_a_404_naming_it(client, answers):
    response = post(client, answers | {"previous": str(uuid.uuid4())})
    assert response.status_code == 404
    assert "(previous)" in response.json()["detail"]


def test_a_project_name_must_be_printable_and_short(client, answers):
    for bad in ("x" * 81, "a\nb"):
        response = post(client, answers | {"project": bad})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"][-1] == "project"


def test_two_assessments_compare_answer_by_answer_and_factor_by_factor(client, answers):
    first = post(client, answers).json()
    second = post(client, answers | {"teams": 1, "previous": first["id"]}).json()
    response = client.get(second["compare"])
    assert response.status_code == 200
    data = response.json()
    assert data["answers"] == [
        {
            "field": "teams",
            "label": "How many teams build and run the product?",
            "before": answers["teams"],
            "after": 1,
        }
    ]
    teams = next(f for f in data["factors"] if f["factor"] == "teams")
    assert teams["contribution"] == pytest.approx(teams["after"] - teams["before"], abs=1e-3)
    assert data["verdict"] == {
        "before": "incremental_migration",
        "after": second["recommendation"]["style"],
        "moved": True,
    }
    assert data["explanation"].startswith("The verdict moved from incremental migration to ")
    assert "What moved most:" in data["explanation"]
    assert (
        client.get(f"/api/v1/assessments/{first['id']}/compare/{uuid.uuid4()}").status_code == 404
    )
