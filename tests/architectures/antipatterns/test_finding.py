from architectures.antipatterns.finding import count, finding, names
from architectures.antipatterns.severity import Severity


def test_it_takes_name_remedy_and_severity_from_the_catalog():
    found = finding("shared-persistence", "msg", ("db", "a", "b"))
    assert found.name == "Shared Persistence"
    assert found.severity == Severity.MEDIUM
    assert found.remedy.startswith("Give each service its own datastore")


def test_a_detector_can_raise_the_severity():
    assert finding("shared-persistence", "m", severity=Severity.HIGH).severity == Severity.HIGH


def test_elements_keep_their_order_without_repeats():
    assert finding("cyclic-dependency", "m", ["a", "b", "a"]).elements == ("a", "b")


def test_to_dict_is_the_api_shape():
    data = finding("wobbly-service-interaction", "m", ("a", "b")).to_dict()
    assert data == {
        "id": "wobbly-service-interaction",
        "name": "Wobbly Service Interaction",
        "severity": "medium",
        "message": "m",
        "remedy": data["remedy"],
        "elements": ["a", "b"],
    }


def test_names_and_count_read_as_english():
    assert names(["a"]) == "'a'"
    assert names(["a", "b", "c"]) == "'a', 'b' and 'c'"
    assert count(1, "link") == "1 link" and count(2, "link") == "2 links"
