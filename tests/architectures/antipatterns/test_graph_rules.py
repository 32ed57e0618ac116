from architectures.antipatterns import graph_rules as rules
from tests.architectures.builders import SAFE, build, c, link


def test_hardcoded_endpoints_fires_on_a_sync_call_without_discovery():
    architecture = build([c("a"), c("b")], [link("a", "b", timeout=True)])
    (found,) = rules.hardcoded_endpoints(architecture)
    assert found.elements == ("a", "b") and "'a' calls 'b'" in found.message


def test_hardcoded_endpoints_is_silent_with_discovery_async_or_through_a_gateway():
    architecture = build(
        [c("a"), c("b"), c("gw", "gateway")],
        [link("a", "b", discovery=True), link("b", "a", "async"), link("a", "gw"), link("gw", "b")],
    )
    assert rules.hardcoded_endpoints(architecture) == []


def test_cyclic_dependency_names_every_service_on_a_sync_cycle():
    architecture = build(
        [c("a"), c("b"), c("c"), c("d")],
        [link("a", "b"), link("b", "c"), link("c", "a"), link("c", "d")],
    )
    (found,) = rules.cyclic_dependency(architecture)
    assert found.elements == ("a", "b", "c") and found.severity == "high"
    assert "'a', 'b' and 'c'" in found.message


def test_a_cycle_closed_only_by_an_async_link_is_low():
    architecture = build([c("a"), c("b")], [link("a", "b"), link("b", "a", "async")])
    (found,) = rules.cyclic_dependency(architecture)
    assert found.severity == "low" and found.elements == ("a", "b")


def test_cyclic_dependency_is_silent_on_a_chain_and_through_a_broker():
    architecture = build(
        [c("a"), c("b"), c("events", "broker")],
        [link("a", "b"), link("b", "events", "async"), link("events", "a", "async")],
    )
    assert rules.cyclic_dependency(architecture) == []


def test_no_api_gateway_fires_when_a_client_calls_several_services():
    architecture = build([c("app", "client"), c("a"), c("b")], [link("app", "a"), link("app", "b")])
    (found,) = rules.no_api_gateway(architecture)
    assert found.elements == ("app", "a", "b") and "Client 'app'" in found.message


def test_no_api_gateway_fires_on_a_bypass_of_the_gateway():
    architecture = build(
        [c("app", "client"), c("gw", "gateway"), c("a"), c("b")],
        [link("app", "gw"), link("gw", "a"), link("app", "b")],
    )
    (found,) = rules.no_api_gateway(architecture)
    assert found.elements == ("app", "b")


def test_no_api_gateway_is_silent_on_one_exposed_service():
    architecture = build(
        [c("web", "client"), c("application"), c("internal"), c("db", "datastore")],
        [link("web", "application"), link("application", "internal"), link("application", "db")],
    )
    assert rules.no_api_gateway(architecture) == []


def test_no_api_gateway_is_silent_behind_a_gateway():
    architecture = build(
        [c("web", "client"), c("gw", "gateway"), c("a"), c("b")],
        [link("web", "gw"), link("gw", "a"), link("gw", "b")],
    )
    assert rules.no_api_gateway(architecture) == []


def test_chatty_services_fires_on_five_sync_callees():
    callees = ["b", "c", "d", "e", "f"]
    architecture = build([c("a"), *map(c, callees)], [link("a", n, **SAFE) for n in callees])
    (found,) = rules.chatty_services(architecture)
    assert found.elements == ("a", *callees) and "5 synchronous calls" in found.message


def test_chatty_services_is_silent_on_four_callees_and_on_a_routing_gateway():
    callees = ["b", "c", "d", "e"]
    four = build([c("a"), *map(c, callees)], [link("a", n) for n in callees])
    assert rules.chatty_services(four) == []
    routes = ["b", "c", "d", "e", "f"]
    gateway = build([c("gw", "gateway"), *map(c, routes)], [link("gw", n) for n in routes])
    assert rules.chatty_services(gateway) == []


def test_chatty_services_fires_on_a_sync_path_of_four_services():
    architecture = build(list(map(c, "abcd")), [link("a", "b"), link("b", "c"), link("c", "d")])
    (found,) = rules.chatty_services(architecture)
    assert found.elements == ("a", "b", "c", "d") and "4 services" in found.message


def test_chatty_services_is_silent_on_a_path_of_three_or_an_async_hop():
    three = build(list(map(c, "abcd")), [link("a", "b"), link("b", "c"), link("c", "d", "async")])
    assert rules.chatty_services(three) == []


def test_wobbly_fires_on_an_unprotected_sync_call_to_a_service_or_gateway():
    architecture = build([c("a"), c("b"), c("gw", "gateway")], [link("a", "b"), link("a", "gw")])
    found = rules.wobbly_service_interaction(architecture)
    assert [f.elements for f in found] == [("a", "b"), ("a", "gw")]
    assert "neither a timeout nor a circuit breaker" in found[0].message


def test_wobbly_is_silent_with_a_timeout_or_breaker_and_on_datastores_or_async():
    architecture = build(
        [c("a"), c("b"), c("c"), c("db", "datastore")],
        [
            link("a", "b", timeout=True),
            link("a", "c", circuit_breaker=True),
            link("a", "db"),
            link("b", "c", "async"),
        ],
    )
    assert rules.wobbly_service_interaction(architecture) == []


def test_esb_usage_names_the_bus_and_everything_on_it():
    architecture = build(
        [c("bus", "esb"), c("a"), c("b"), c("c")],
        [link("a", "bus"), link("bus", "b"), link("bus", "c")],
    )
    (found,) = rules.esb_usage(architecture)
    assert found.elements == ("bus", "b", "c", "a") and found.severity == "high"
    assert "'bus' is an enterprise service bus" in found.message


def test_esb_usage_is_medium_with_fewer_services_and_silent_with_a_broker():
    small = build([c("bus", "esb"), c("a")], [link("a", "bus")])
    assert rules.esb_usage(small)[0].severity == "medium"
    broker = build([c("events", "broker"), c("a")], [link("a", "events", "async")])
    assert rules.esb_usage(broker) == []
