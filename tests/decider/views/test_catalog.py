from architectures.antipatterns.catalog import catalog


def test_the_catalog_page_lists_every_entry_with_an_anchor(client):
    html = client.get("/anti-patterns/").content.decode()
    for entry in catalog():
        assert f'id="{entry.id}"' in html
        assert entry.name in html
    assert "Shared Persistence" in html


def test_remedies_do_not_assume_the_system_is_already_split(client):
    html = client.get("/anti-patterns/").content.decode()
    assert "before splitting further" not in html


def test_the_catalog_has_one_named_landmark_per_navigation(client):
    html = client.get("/anti-patterns/").content.decode()
    assert html.count("<nav") == 2
    assert 'aria-label="Main"' in html and 'aria-label="Categories"' in html
