from architectures.antipatterns.catalog import catalog


def test_the_catalog_page_lists_every_entry_with_an_anchor(client):
    html = client.get("/anti-patterns/").content.decode()
    for entry in catalog():
        assert f'id="{entry.id}"' in html
        assert entry.name in html
    assert "Shared Persistence" in html
