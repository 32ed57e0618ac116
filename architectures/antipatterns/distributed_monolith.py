"""The distributed monolith: services that cannot ship alone, from several signals at once."""

from collections.abc import Iterable
from dataclasses import dataclass

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, finding
from architectures.model import Architecture, LinkStyle
from decider.engine.answers import Answers
from decider.engine.choices import LABELS, OrgTrait

SIGNALS_NEEDED = 3
CHAIN = 3
COUPLING_TRAITS = (OrgTrait.LOCKSTEP_DEPLOYS, OrgTrait.SHARED_DOMAIN_LIBRARY)


@dataclass(frozen=True)
class Signal:
    reason: str
    elements: tuple[str, ...] = ()


def distributed_monolith(
    answers: Answers | None, architecture: Architecture | None
) -> list[Finding]:
    # Only services can form a distributed monolith: one deployable is a plain monolith.
    if architecture is None or len(topology.services(architecture)) < 2:
        return []
    signals = [*_architecture_signals(architecture), *_answer_signals(answers)]
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


def _answer_signals(answers: Answers | None) -> list[Signal]:
    traits = [t for t in COUPLING_TRAITS if answers is not None and t in answers.org]
    if not traits:
        return []
    return [Signal("your answers say " + " and ".join(f"“{LABELS[t]}”" for t in traits))]


def _quoted(items: Iterable[str]) -> str:
    return ", ".join(f"'{item}'" for item in items)
