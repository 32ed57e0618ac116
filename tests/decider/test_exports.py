import uuid

import pytest

from decider.exports import (
    BY_FILENAME,
    BY_NAME,
    EXPORTS,
    Kind,
    diagram_exports,
    diagram_urls,
    exports_for,
    filename,
    links,
)
from decider.models import Assessment, Decomposition, Review

ID = uuid.UUID("1a2b3c4d-0000-4000-8000-000000000000")


def test_each_export_is_declared_once_with_a_unique_name_and_file():
    assert len(BY_NAME) == len(EXPORTS) == len(BY_FILENAME)
    assert all(e.extension and e.content_type and e.label for e in EXPORTS)


def test_pictures_are_drawn_from_the_dot_export():
    pictures = [e.name for e in EXPORTS if e.kind is Kind.PICTURE]
    assert pictures == ["svg", "png", "pdf"]
    for resource in ("assessment", "review", "decomposition"):
        assert BY_NAME["svg"].renderer(resource) is BY_NAME["dot"].renderer(resource)


def test_what_each_kind_of_result_offers():
    diagrams = ["svg", "png", "pdf", "dot", "mmd", "puml", "dsl"]
    assert [e.name for e in exports_for("assessment")] == [*diagrams, "microtosca", "adr"]
    assert [e.name for e in exports_for("review")] == [*diagrams, "microtosca"]
    assert [e.name for e in exports_for("decomposition")] == diagrams
    assert [e.name for e in diagram_exports("review")] == diagrams


@pytest.mark.parametrize(
    ("saved", "expected"),
    [
        (Assessment(id=ID), "decider-assessment-1a2b3c4d.svg"),
        (
            Assessment(id=ID, project="Billing Platform!"),
            "decider-assessment-1a2b3c4d-billing-platform.svg",
        ),
        (Review(id=ID, title='a"b\r\n../c'), "decider-review-1a2b3c4d-a-b-c.svg"),
        (Decomposition(id=ID, title="ünï"), "decider-decomposition-1a2b3c4d-n.svg"),
    ],
)
def test_one_file_name_scheme_for_every_download(saved, expected):
    assert filename(saved, BY_NAME["svg"]) == expected


def test_record_and_microtosca_file_names_keep_their_endings():
    saved = Assessment(id=ID)
    assert filename(saved, BY_NAME["adr"]) == "decider-assessment-1a2b3c4d.md"
    assert filename(saved, BY_NAME["microtosca"]) == "decider-assessment-1a2b3c4d.microtosca.yml"


def test_urls_come_from_the_routes():
    saved = Review(id=ID)
    assert diagram_urls(saved)["svg"] == f"/api/v1/reviews/{ID}/diagram.svg"
    assert diagram_urls(saved)["dsl"] == f"/api/v1/reviews/{ID}/diagram.dsl"
    found = {link["name"]: link for link in links(Assessment(id=ID))}
    assert found["adr"]["url"] == f"/api/v1/assessments/{ID}/adr.md"
    assert found["adr"]["kind"] == "document" and found["png"]["kind"] == "picture"
