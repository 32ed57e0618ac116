from architectures.importers.records import Evidence, Notice, NoticeKind, Origin


def test_keys_read_as_paths_with_odd_keys_quoted():
    origin = Origin("m.yaml", ("metadata", "labels", "app.kubernetes.io/part-of"), 2)
    assert origin.dotted_key == 'metadata.labels["app.kubernetes.io/part-of"]'
    assert Origin("c.yml", ("services", "web", "ports", 0)).dotted_key == "services.web.ports[0]"
    assert str(origin) == 'm.yaml, document 3: metadata.labels["app.kubernetes.io/part-of"]'


def test_a_location_names_the_file_the_document_and_the_key():
    assert Origin("m.yaml", ("spec",), 1).loc() == ("m.yaml", "documents", 1, "spec")
    assert Origin("", ("services",)).loc() == ("services",)


def test_evidence_and_notices_serialise_with_their_origin():
    origin = Origin("", ("services", "web"))
    link = Evidence(("web", "db"), origin, "depends_on", "declared", inferred=False).to_dict()
    assert link == {
        "source": "web", "target": "db", "file": "pasted text", "document": None,
        "key": "services.web", "rule": "depends_on", "detail": "declared", "inferred": False,
    }  # fmt: skip
    notice = Notice(NoticeKind.NO_LINKS, "none").to_dict()
    assert notice["kind"] == "no-links" and notice["file"] is None and notice["elements"] == []
