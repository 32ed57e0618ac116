import pytest
from django.http import QueryDict

from decider.forms import read_questionnaire
from decider.views.examples import example_forms, examples

pytestmark = pytest.mark.django_db


def test_every_scenario_is_an_example_with_words_people_read():
    found = examples()
    assert "solo-startup" in found and "large-enterprise" in found
    assert found["solo-startup"].title == "Solo startup"
    assert all(e.description for e in found.values())


def test_an_unknown_example_is_none():
    assert example_forms("no-such-thing") is None


@pytest.mark.parametrize("slug", sorted(examples()))
def test_each_example_submitted_as_shown_gives_its_scenarios_answers(slug):
    form, domains = example_forms(slug)
    _, _, answers = read_questionnaire(_as_posted(form, domains))
    assert answers is not None
    shown = answers.to_dict()
    for name, value in examples()[slug].answers.items():
        if name == "domains":
            assert [d["name"] for d in shown["domains"]] == [d["name"] for d in value]
        elif isinstance(value, list):
            assert sorted(shown[name]) == sorted(value), name
        else:
            assert shown[name] == value, name


def test_the_page_offers_the_examples_and_fills_one_in(client):
    html = client.get("/").content.decode()
    assert "?example=solo-startup" in html
    chosen = client.get("/?example=large-enterprise").content.decode()
    assert 'name="teams" value="40"' in chosen


def _as_posted(form, domains) -> QueryDict:
    """What the browser posts for unbound forms as they are shown."""
    posted = QueryDict(mutable=True)
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            posted.setlist(name, value)
        elif value not in (None, False):
            posted[name] = str(value)
    posted["domains-TOTAL_FORMS"] = str(len(domains.forms))
    posted["domains-INITIAL_FORMS"] = "0"
    for index, row in enumerate(domains.forms):
        for name in row.fields:
            posted[f"domains-{index}-{name}"] = row[name].value() or ""
    return posted
