import json
from pathlib import Path

CATALOG = json.loads((Path(__file__).parents[2] / "fixtures" / "anti_patterns.json").read_text())


def test_it_serves_the_whole_catalog(client):
    response = client.get("/api/v1/anti-patterns")
    assert response.status_code == 200
    entries = response.json()
    assert [e["id"] for e in entries] == [e["id"] for e in CATALOG]
    assert len(entries) == 27
    for entry in entries:
        assert {"id", "name", "category", "description", "remedy"} <= set(entry)
    by_id = {e["id"]: e for e in entries}
    assert by_id["shared-persistence"]["severity"] == "medium"
    assert by_id["hardcoded-endpoints"]["severity"] == "high"
