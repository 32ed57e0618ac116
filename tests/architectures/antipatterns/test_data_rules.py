from architectures.antipatterns import data_rules as rules
from tests.architectures.builders import build, c, link


def test_shared_persistence_names_the_datastore_and_each_user():
    architecture = build([c("a"), c("b"), c("db", "datastore")], [link("a", "db"), link("b", "db")])
    (found,) = rules.shared_persistence(architecture)
    assert found.elements == ("db", "a", "b") and found.severity == "medium"
    assert "'db' is used by 'a' and 'b'" in found.message


def test_shared_persistence_is_high_with_three_users():
    architecture = build(
        [c("a"), c("b"), c("x"), c("db", "datastore")],
        [link("a", "db"), link("b", "db"), link("x", "db")],
    )
    assert rules.shared_persistence(architecture)[0].severity == "high"


def test_shared_persistence_is_silent_on_one_user_with_two_links():
    architecture = build([c("a"), c("db", "datastore")], [link("a", "db"), link("db", "a")])
    assert rules.shared_persistence(architecture) == []


def test_intimacy_fires_on_a_service_using_another_services_datastore():
    architecture = build(
        [c("a"), c("b"), c("db", "datastore", owner="a")], [link("a", "db"), link("b", "db")]
    )
    (found,) = rules.inappropriate_service_intimacy(architecture)
    assert found.elements == ("b", "db", "a") and "belongs to 'a'" in found.message


def test_intimacy_is_silent_for_the_owner_and_without_a_declared_owner():
    owned = build([c("a"), c("db", "datastore", owner="a")], [link("a", "db")])
    assert rules.inappropriate_service_intimacy(owned) == []
    shared = build([c("a"), c("b"), c("db", "datastore")], [link("a", "db"), link("b", "db")])
    assert rules.inappropriate_service_intimacy(shared) == []
