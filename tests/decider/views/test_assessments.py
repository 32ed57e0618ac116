import pytest
from django.utils.html import escape

from decider.models import Assessment

pytestmark = pytest.mark.django_db

FORM = {
    "teams": "8",
    "deploy_contention": "constantly",
    "scaling": "divergent",
    "tech_diversity": "none",
    "monolith_pain": "4",
    "existing_system": "monolith",
    "ops": ["ci_cd", "observability", "containers"],
    "distributed_experience": "some",
    "consistency": "mixed",
    "domain_clarity": "clear",
    "domains-TOTAL_FORMS": "2",
    "domains-INITIAL_FORMS": "0",
    "domains-0-name": "orders",
    "domains-0-load": "high",
    "domains-0-team": "Checkout",
    "domains-0-depends_on": "users",
    "domains-1-name": "users",
    "domains-1-load": "normal",
}


def test_the_questionnaire_shows_every_question_with_defaults(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("teams", "deploy_contention", "scaling", "tech_diversity", "monolith_pain", "ops"):
        assert f'name="{name}"' in html
    assert 'value="users"' in html and 'value="inventory"' in html
    assert 'hx-post="/preview/"' in html
    assert "X-CSRFToken" in html
    assert "htmx-2.0.11.min.js" in html


def test_submitting_saves_and_redirects_to_the_result(client):
    response = client.post("/", FORM)
    saved = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/assessments/{saved.pk}/"
    assert saved.answers["domains"][0] == {
        "name": "orders",
        "load": "high",
        "team": "Checkout",
        "depends_on": ["users"],
        "publishes_to": [],
    }


def test_errors_appear_beside_their_fields_and_keep_what_was_typed(client):
    response = client.post("/", FORM | {"teams": "0", "domains-0-depends_on": "billing"})
    html = response.content.decode()
    assert response.status_code == 200
    assert Assessment.objects.count() == 0
    assert 'id="field-teams"' in html and "greater than or equal to 1" in html
    assert "Unknown domain &#x27;billing&#x27;." in html
    assert 'value="Checkout"' in html


def test_adding_and_removing_domain_rows_keeps_the_other_answers(client):
    added = client.post("/", FORM | {"action": "add-domains"}).content.decode()
    assert 'name="domains-2-name"' in added
    assert Assessment.objects.count() == 0
    removed = client.post("/", FORM | {"action": "remove-domains-0"}).content.decode()
    assert 'name="domains-1-name"' not in removed
    assert 'name="domains-0-name" value="users"' in removed
    assert 'value="8"' in removed


def test_the_preview_answers_htmx_with_a_partial(client):
    response = client.post("/preview/", FORM, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'data-architecture="microservices"' in html
    assert "HX-Request" in response["Vary"]
    assert Assessment.objects.count() == 0


def test_the_preview_without_htmx_is_a_full_page(client):
    response = client.post("/preview/", FORM)
    assert "<html" in response.content.decode()
    assert "HX-Request" in response["Vary"]


def test_the_preview_lists_problems_instead_of_a_verdict(client):
    html = client.post("/preview/", FORM | {"teams": "x"}, headers={"HX-Request": "true"}).content
    assert b"need attention" in html
    assert b"data-architecture" not in html


def test_the_preview_refuses_get(client):
    assert client.get("/preview/").status_code == 405


def test_the_result_page_explains_the_verdict(client):
    client.post("/", FORM)
    saved = Assessment.objects.get()
    html = client.get(saved.get_absolute_url()).content.decode()
    assert "Incremental migration" in html
    assert 'class="factor-chart"' in html
    assert escape(saved.result["recommendation"]["summary"]) in html
    for factor in saved.result["factors"]:
        if round(factor["contribution"], 3):
            assert escape(factor["explanation"]) in html
        else:
            assert escape(factor["explanation"]) not in html  # zero rows are hidden
    assert 'id="flips"' in html and 'id="sources"' in html
    assert 'id="warnings"' in html and 'id="diagram"' in html


def test_the_result_page_compares_the_four_options_and_names_the_runner_up(client):
    client.post("/", FORM)
    saved = Assessment.objects.get()
    html = client.get(saved.get_absolute_url()).content.decode()
    rec = saved.result["recommendation"]
    for option in rec["options"]:
        assert f'id="option-{option["style"]}"' in html
        for pro in option["pros"]:
            assert escape(pro) in html
    assert 'id="runner-up"' in html
    assert escape(rec["robustness_summary"]) in html


def test_the_result_page_names_the_unknowns_and_what_to_ask_next(client):
    client.post("/", FORM | {"deploy_contention": "unknown", "scaling": "unknown"})
    saved = Assessment.objects.get()
    html = client.get(saved.get_absolute_url()).content.decode()
    assert saved.result["recommendation"]["unknowns"] == ["deploy_contention", "scaling"]
    assert "How often does one team&#x27;s release wait on another team&#x27;s</em>" in html
    assert "would sharpen the advice most" in html


def test_an_assessment_saved_before_the_comparison_still_renders(client):
    client.post("/", FORM)
    saved = Assessment.objects.get()
    for key in ("options", "runner_up", "robustness", "robustness_summary", "unknowns"):
        saved.result["recommendation"].pop(key)
    saved.save()
    response = client.get(saved.get_absolute_url())
    assert response.status_code == 200
    assert b'id="options"' not in response.content


def test_an_unknown_assessment_page_is_a_404(client):
    assert client.get("/assessments/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_result_page_shows_the_diagram_inline_with_downloads(client):
    client.post("/", FORM)
    saved = Assessment.objects.get()
    html = client.get(saved.get_absolute_url()).content.decode()
    assert 'tabindex="0"><svg' in html
    assert "orders service" in html
    for fmt in ("svg", "png", "pdf", "dot", "mmd", "puml"):
        assert f'/api/v1/assessments/{saved.pk}/diagram.{fmt}"' in html


def test_the_result_page_still_works_when_the_diagram_cannot_render(client, monkeypatch):
    from architectures.render import DotMissing
    from decider import diagrams

    def missing(*args):
        raise DotMissing("dot is not installed")

    client.post("/", FORM)
    saved = Assessment.objects.get()
    monkeypatch.setattr(diagrams, "render", missing)
    diagrams.cache.clear()
    diagrams.clear_memo()
    response = client.get(saved.get_absolute_url())
    assert response.status_code == 200
    assert "cannot be drawn right now" in response.content.decode()
    assert 'class="factor-chart"' in response.content.decode()
