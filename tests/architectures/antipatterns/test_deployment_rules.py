from architectures.antipatterns import deployment_rules as rules
from tests.architectures.builders import build, c


def test_it_fires_on_services_sharing_a_deploy_unit():
    architecture = build([c("a", deploy_unit="pod"), c("b", deploy_unit="pod"), c("x")])
    (found,) = rules.multiple_services_per_deploy_unit(architecture)
    assert found.elements == ("a", "b") and "deployed together in 'pod'" in found.message
    assert found.severity == "medium"


def test_it_is_high_with_three_services_in_one_unit():
    architecture = build([c(n, deploy_unit="pod") for n in "abc"])
    assert rules.multiple_services_per_deploy_unit(architecture)[0].severity == "high"


def test_it_is_silent_on_a_service_with_its_datastore_in_one_unit():
    architecture = build([c("a", deploy_unit="pod"), c("db", "datastore", deploy_unit="pod")])
    assert rules.multiple_services_per_deploy_unit(architecture) == []
