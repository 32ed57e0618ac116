from django.template import Context, Template
from django.test import RequestFactory

from decider.templatetags.nav import NAV

NAV_TEMPLATE = Template(
    "{% load nav %}{% main_nav as items %}"
    "{% for i in items %}{{ i.label }}={{ i.current|default:'-' }};{% endfor %}"
)


def rendered(path: str) -> dict[str, str]:
    request = RequestFactory().get(path)
    text = NAV_TEMPLATE.render(Context({"request": request}))
    return dict(item.split("=") for item in text.strip(";").split(";"))


def test_every_entry_is_listed_once():
    assert list(rendered("/")) == [item.label for item in NAV]


def test_the_page_itself_is_the_current_page():
    assert rendered("/glossary/")["Glossary"] == "page"
    assert rendered("/glossary/")["Questionnaire"] == "-"


def test_a_saved_result_marks_its_section_not_the_page():
    marks = rendered("/reviews/0b3f5c55-5b8a-4a6b-9a51-2f1b8b6a0c11/")
    assert marks["Review"] == "true"
    assert set(marks.values()) == {"true", "-"}


def test_nothing_is_marked_on_an_unknown_page():
    assert set(rendered("/nowhere/").values()) == {"-"}
