import pytest

from decider.assessments import create_assessment
from decider.engine.answers import parse_answers
from decider.models import Assessment
from tests.conftest import ANSWERS

pytestmark = pytest.mark.django_db


def saved(**changes):
    return create_assessment(answers=parse_answers(ANSWERS | changes), project="Billing")


def form_data(assessment, **changes):
    """What the prefilled "What if…" form posts back (domains as the page lists them)."""
    answers = assessment.answers | changes
    data = {k: v for k, v in answers.items() if v not in (None, [], False) and k != "domains"}
    data = {k: v if isinstance(v, list) else str(v) for k, v in data.items()}
    domains = answers["domains"]
    data |= {"domains-TOTAL_FORMS": str(len(domains)), "domains-INITIAL_FORMS": "0"}
    for i, d in enumerate(domains):
        data |= {f"domains-{i}-name": d["name"], f"domains-{i}-load": d["load"]}
    return data | {"project": assessment.project, "previous": str(assessment.pk)}


def test_what_if_opens_the_questionnaire_filled_in_with_the_answers(client):
    first = saved(scaling="unknown", monolith_pain=None)
    html = client.get(f"/assessments/{first.pk}/what-if/").content.decode()
    assert 'id="what-if-notice"' in html
    assert f'name="previous" value="{first.pk}"' in html
    assert 'name="project"' in html and 'value="Billing"' in html
    assert '<option value="constantly" selected>' in html
    assert '<option value="unknown" selected>' in html  # scaling, and the pain's "don't know"
    assert 'name="developers"' in html and 'name="developers" value="unknown"' not in html


def test_submitting_it_creates_an_assessment_linked_to_the_first(client):
    first = saved()
    response = client.post("/", form_data(first, teams=1))
    second = Assessment.objects.exclude(pk=first.pk).get()
    assert response.url == second.get_absolute_url()
    assert second.previous_id == first.pk and second.project == "Billing"
    html = client.get(second.get_absolute_url()).content.decode()
    assert f'href="/assessments/{first.pk}/compare/{second.pk}/"' in html


def test_the_comparison_says_what_changed_and_why(client):
    first = saved()
    second = create_assessment(answers=parse_answers(ANSWERS | {"teams": 1}), previous=first)
    html = client.get(f"/assessments/{first.pk}/compare/{second.pk}/").content.decode()
    assert "The verdict moved from incremental migration to" in html
    assert "How many teams build and run the product?</th><td>8</td><td>1</td>" in html
    assert 'id="factor-changes"' in html and "Teams to run the services" in html
    assert html.count('aria-label="Diagram before"') == 1
    assert html.count('aria-label="Diagram after"') == 1


def test_an_unknown_assessment_in_a_comparison_is_a_404(client):
    first = saved()
    missing = "00000000-0000-4000-8000-000000000000"
    assert client.get(f"/assessments/{first.pk}/compare/{missing}/").status_code == 404
    assert client.get(f"/assessments/{missing}/what-if/").status_code == 404
