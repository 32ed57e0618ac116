"""The distributed monolith: services that cannot ship alone, from several signals at once."""

from collections.abc import Iterable
from dataclasses import dataclass

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, finding
from architectures.antipatterns.registry import ARCHITECTURE, CONTEXT, Evidence, rule
from architectures.model import Architecture, LinkStyle

SIGNALS_NEEDED = 3
CHAIN = 3


@dataclass(frozen=True)
class Signal:
    reason: str
    elements: tuple[str, ...] = ()


@rule("distributed-monolith", needs=ARCHITECTURE | CONTEXT)
def distributed_monolith(evidence: Evidence) -> list[Finding]:
    architecture = evidence.architecture
    # Only services can form a distributed monolith: one deployable is a plain monolith.
    if len(topology.services(architecture)) < 2:
        return []
    answered = [Signal(reason) for reason in evidence.coupling_reasons]
    signals = [*_architecture_signals(architecture), *answered]
    if len(signals) < SIGNALS_NEEDED:
        return []
    message = (
        "These services cannot be deployed on their own: "
        + "; ".join(s.reason for s in signals)
        + ". That is all the cost of microservices with none of the benefit."
    )
    elements = [name for s in signals for name in s.elements]
    return [finding("distributed-monolith", message, elements)]


def _architecture_signals(architecture: Architecture) -> list[Signal]:
    signals = []
    shared = topology.shared_datastores(architecture)
    if shared:
        elements = tuple(n for store, users in shared.items() for n in (store, *users))
        signals.append(Signal(f"{_quoted(shared)} shared between services", elements))
    graph = topology.call_graph(architecture, LinkStyle.SYNC)
    cycles = topology.cycles(graph)
    if cycles:
        members = tuple(n for cycle in cycles for n in cycle)
        signals.append(Signal(f"a synchronous call cycle through {_quoted(members)}", members))
    chain = topology.longest_chain(graph)
    # A chain wholly inside a cycle is the cycle again, not a second signal.
    in_cycles = {n for cycle in cycles for n in cycle}
    if len(chain) >= CHAIN and not in_cycles.issuperset(chain):
        signals.append(Signal(f"a synchronous chain of {len(chain)} services", chain))
    units = topology.shared_deploy_units(architecture)
    if units:
        members = tuple(n for names in units.values() for n in names)
        signals.append(Signal(f"services sharing deploy unit(s) {_quoted(units)}", members))
    layered = topology.layer_services(architecture)
    if len(layered) >= 2:
        signals.append(Signal(f"services cut by layer ({_quoted(layered)})", tuple(layered)))
    return signals


def _quoted(items: Iterable[str]) -> str:
    return ", ".join(f"'{item}'" for item in items)
