from decider.templatetags.labels import glossary_anchor, op_label, question_label, style_label
from decider.views.glossary import TERMS


def test_styles_read_as_words():
    assert style_label("modular_monolith") == "Modular monolith"
    assert style_label("something_new") == "Something new"


def test_each_style_links_to_a_glossary_entry_that_exists():
    slugs = {t.slug for t in TERMS}
    for style in ("monolith", "modular_monolith", "microservices", "incremental_migration"):
        assert glossary_anchor(style) in slugs


def test_questions_and_operations_read_as_asked():
    assert question_label("teams") == "How many teams build and run the product"
    assert question_label("no_such_field") == "no such field"
    assert op_label("ci_cd") != "ci_cd"
