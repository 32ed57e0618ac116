from architectures.antipatterns import deployment_rules as rules
from architectures.model import parse_architecture


def build(components, links=()):
    return parse_architecture({"components": components, "links": list(links)})


def c(name, kind="service", **extra):
    return {"name": name, "kind": kind, **extra}


def link(source, target, style="sync", **flags):
    return {"source": source, "target": target, "style": style, **flags}


def test_it_fires_on_services_sharing_a_deploy_unit():
    architecture = build([c("a", deploy_unit="pod"), c("b", deploy_unit="pod"), c("x")])
    (found,) = rules.multiple_services_per_deploy_unit(None, architecture)
    assert found.elements == ("a", "b") and "deployed together in 'pod'" in found.message
    assert found.severity == "medium"


def test_it_is_high_with_three_services_in_one_unit():
    architecture = build([c(n, deploy_unit="pod") for n in "abc"])
    assert rules.multiple_services_per_deploy_unit(None, architecture)[0].severity == "high"


def test_it_is_silent_on_a_service_with_its_datastore_in_one_unit():
    architecture = build([c("a", deploy_unit="pod"), c("db", "datastore", deploy_unit="pod")])
    assert rules.multiple_services_per_deploy_unit(None, architecture) == []
    assert rules.multiple_services_per_deploy_unit(None, None) == []
