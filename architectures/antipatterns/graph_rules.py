"""Detectors over the links: how services call each other and who calls them."""

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, finding, names
from architectures.antipatterns.registry import ARCHITECTURE, rule
from architectures.antipatterns.severity import Severity
from architectures.model import Architecture, Kind, Link, LinkStyle

FAN_OUT = 5
CHATTY_PATH = 4
LONG_PATH = 5


@rule("hardcoded-endpoints", needs=ARCHITECTURE)
def hardcoded_endpoints(architecture: Architecture) -> list[Finding]:
    return [
        finding(
            "hardcoded-endpoints",
            f"'{link.source}' calls '{link.target}' at a fixed address: the link has no "
            "service discovery and does not go through a gateway.",
            (link.source, link.target),
        )
        for link in topology.service_links(architecture, LinkStyle.SYNC)
        if not link.discovery
    ]


@rule("cyclic-dependency", needs=ARCHITECTURE)
def cyclic_dependency(architecture: Architecture) -> list[Finding]:
    sync = topology.cycles(topology.call_graph(architecture, LinkStyle.SYNC))
    every = topology.cycles(topology.call_graph(architecture, LinkStyle.SYNC, LinkStyle.ASYNC))
    in_sync = {name for cycle in sync for name in cycle}
    found = [_sync_cycle(cycle) for cycle in sync]
    found += [_async_cycle(cycle) for cycle in every if not in_sync.issuperset(cycle)]
    return found


def _sync_cycle(cycle: tuple[str, ...]) -> Finding:
    message = (
        f"{names(cycle)} call each other synchronously in a cycle: none of them can be "
        "released or started without the others."
    )
    return finding("cyclic-dependency", message, cycle)


def _async_cycle(cycle: tuple[str, ...]) -> Finding:
    message = (
        f"{names(cycle)} depend on each other in a cycle that only closes through "
        "asynchronous links: looser, but their contracts still have to change together."
    )
    return finding("cyclic-dependency", message, cycle, severity=Severity.LOW)


@rule("no-api-gateway", needs=ARCHITECTURE)
def no_api_gateway(architecture: Architecture) -> list[Finding]:
    direct = _direct_exposure(architecture)
    if len(_exposed(architecture)) < 2:
        return []
    found = []
    for client, exposed in direct.items():
        severity = Severity.HIGH if len(exposed) >= 4 else None
        message = (
            f"Client '{client}' calls {names(exposed)} directly, with no gateway in between, "
            "while more than one service faces clients."
        )
        found.append(finding("no-api-gateway", message, (client, *exposed), severity=severity))
    return found


def _direct_exposure(architecture: Architecture) -> dict[str, list[str]]:
    """Each client that links straight to services, with those services."""
    kinds = architecture.by_name
    exposure: dict[str, list[str]] = {}
    for link in architecture.links:
        if kinds[link.source].kind == Kind.CLIENT and kinds[link.target].kind == Kind.SERVICE:
            exposure.setdefault(link.source, []).append(link.target)
    return {client: list(dict.fromkeys(found)) for client, found in exposure.items()}


def _exposed(architecture: Architecture) -> set[str]:
    """Services that clients reach directly or through a gateway in front of them."""
    kinds = architecture.by_name
    entry = {link.target for link in architecture.links if kinds[link.source].kind == Kind.CLIENT}
    gateways = {name for name in entry if kinds[name].kind in topology.ROUTER_KINDS}
    reached = entry | {link.target for link in architecture.links if link.source in gateways}
    return {name for name in reached if kinds[name].kind == Kind.SERVICE}


@rule("chatty-services", needs=ARCHITECTURE)
def chatty_services(architecture: Architecture) -> list[Finding]:
    found = [_fan_out(name, callees) for name, callees in _callees(architecture).items()]
    chain = topology.longest_chain(topology.call_graph(architecture, LinkStyle.SYNC))
    if len(chain) >= CHATTY_PATH:
        severity = Severity.HIGH if len(chain) >= LONG_PATH else None
        message = (
            f"One request can travel synchronously through {len(chain)} services, "
            f"{names(chain)}: their latencies and failures add up."
        )
        found.append(finding("chatty-services", message, chain, severity=severity))
    return [f for f in found if f is not None]


def _callees(architecture: Architecture) -> dict[str, list[str]]:
    """Services with five or more distinct synchronous callees among the runtime parts.

    Gateways are left out on purpose: routing each request to one service is not a
    fan-out, and the model cannot tell a routing gateway from an aggregating one.
    """
    kinds = architecture.by_name
    calls: dict[str, list[str]] = {}
    for link in architecture.links:
        if _is_call(link, kinds) and kinds[link.source].kind == Kind.SERVICE:
            calls.setdefault(link.source, []).append(link.target)
    calls = {name: list(dict.fromkeys(callees)) for name, callees in calls.items()}
    return {name: callees for name, callees in calls.items() if len(callees) >= FAN_OUT}


def _is_call(link: Link, kinds: dict) -> bool:
    runtime = (Kind.SERVICE, *topology.ROUTER_KINDS)
    return link.style == LinkStyle.SYNC and kinds[link.target].kind in runtime


def _fan_out(name: str, callees: list[str]) -> Finding:
    message = (
        f"'{name}' makes {len(callees)} synchronous calls, to {names(callees)}: "
        "one request fans out across the system."
    )
    return finding("chatty-services", message, (name, *callees))


@rule("wobbly-service-interaction", needs=ARCHITECTURE)
def wobbly_service_interaction(architecture: Architecture) -> list[Finding]:
    kinds = architecture.by_name
    return [
        finding(
            "wobbly-service-interaction",
            f"'{link.source}' calls '{link.target}' synchronously with neither a timeout "
            f"nor a circuit breaker: when '{link.target}' hangs, '{link.source}' hangs too.",
            (link.source, link.target),
        )
        for link in architecture.links
        if kinds[link.source].kind == Kind.SERVICE
        and _is_call(link, kinds)
        and link.source != link.target
        and not (link.timeout or link.circuit_breaker)
    ]


@rule("esb-usage", needs=ARCHITECTURE)
def esb_usage(architecture: Architecture) -> list[Finding]:
    return [_esb(architecture, esb.name) for esb in architecture.of_kind(Kind.ESB)]


def _esb(architecture: Architecture, esb: str) -> Finding:
    linked = [link.target for link in architecture.links if link.source == esb]
    linked += [link.source for link in architecture.links if link.target == esb]
    linked = list(dict.fromkeys(n for n in linked if n != esb))
    routed = [n for n in linked if topology.kind_of(architecture, n) == Kind.SERVICE]
    severity = Severity.HIGH if len(routed) >= 3 else None
    through = f", and {names(routed)} talk through it" if routed else ""
    message = f"'{esb}' is an enterprise service bus{through}: logic drifts into the pipe."
    return finding("esb-usage", message, (esb, *linked), severity=severity)
