from decider.review_forms import _where, builder_formsets


def test_problems_are_placed_in_the_words_of_the_page():
    components, links = builder_formsets({"components-TOTAL_FORMS": "0", "links-TOTAL_FORMS": "0"})
    formsets = {"components": components, "links": links}
    assert _where(("links", 2, "target"), formsets) == "Link 3, To"
    assert _where(("components", 0, "deploy_unit"), formsets) == "Component 1, Deploy unit"
    assert _where(("components", 4), formsets) == "Component 5"
    assert _where(("links",), formsets) == "Links"
    assert _where(("elsewhere", 1), formsets) == "elsewhere.1"


def test_every_builder_cell_has_a_label_to_name_it():
    # A browser posts every cell of every row, blank ones too.
    blank = {"components-TOTAL_FORMS": "1", "components-0-name": "",
             "links-TOTAL_FORMS": "1", "links-0-source": ""}  # fmt: skip
    components, links = builder_formsets(blank)
    for row in (components.forms[0], links.forms[0]):
        assert all(field.label for field in row)
