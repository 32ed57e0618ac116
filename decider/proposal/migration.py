"""An incremental migration: the existing monolith, and the first slices carved off it
(high load first, then a slice with its own team, then the fewest calls to cut)."""

from collections.abc import Sequence
from dataclasses import replace

import networkx as nx

from architectures.model import NOTE_MAX, Architecture, Component, Kind
from decider.engine.answers import Answers, Domain
from decider.engine.choices import LABELS, Load, Op
from decider.proposal.parts import (
    MONOLITH,
    MONOLITH_DATABASE,
    Group,
    distributed,
    first_index,
    group_domains,
    highest_load,
    merge_cycles,
    named_teams,
    owning_team,
    service_for,
    singletons,
    sync_graph,
)

MAX_FIRST_EXTRACTIONS = 2


def _monolith_note(build_first: Sequence[Op]) -> str:
    note = "The existing monolith: its remaining modules move out one at a time"
    if build_first:
        note = "First build " + ", ".join(LABELS[op] for op in build_first) + "; then: " + note
    return note[:NOTE_MAX]


def incremental_migration(answers: Answers, build_first: Sequence[Op] = ()) -> Architecture:
    domains = {d.name: d for d in answers.domains}
    teams = named_teams(answers)
    graph = sync_graph(answers.domains)
    groups = merge_cycles(singletons(answers.domains), graph)
    chosen = _first_extractions(groups, graph, domains, teams)
    extracted = [_extracted(g, domains, teams, graph, groups) for g in chosen]
    remaining = [d for d in answers.domains if not any(d.name in g for g in chosen)]
    monolith = Component(
        MONOLITH,
        Kind.SERVICE,
        team=_sole_team(remaining, teams),
        load=highest_load(remaining),
        deploy_unit=MONOLITH,
        note=_monolith_note(build_first),
        modules=tuple(d.name for d in remaining),
    )
    unit_of = {d.name: MONOLITH for d in remaining}
    unit_of |= {name: extracted[i].name for i, g in enumerate(chosen) for name in g}
    return distributed(answers.domains, [monolith, *extracted], unit_of, MONOLITH_DATABASE)


def _first_extractions(
    groups: list[Group], graph: nx.DiGraph, domains: dict[str, Domain], teams: dict[str, str]
) -> list[Group]:
    """The slices to carve off first: high load first, then its own team, then fewest calls."""
    if len(groups) < 2:
        return []
    ranked = sorted(groups, key=lambda g: _extraction_rank(g, graph, domains, teams, groups))
    # A source or sink of the condensed call graph always exists and never closes a cycle
    # through the monolith, so the first pick is always safe.
    chosen = [ranked[0]]
    limit = min(MAX_FIRST_EXTRACTIONS, len(groups) - 1)
    for group in ranked[1:]:
        if len(chosen) >= limit or not _is_high(ranked[0], domains):
            break
        if _is_high(group, domains) and _acyclic_after([*chosen, group], graph):
            chosen.append(group)
    return chosen


def _extraction_rank(
    group: Group,
    graph: nx.DiGraph,
    domains: dict[str, Domain],
    teams: dict[str, str],
    groups: list[Group],
) -> tuple:
    creates_cycle = not _acyclic_after([group], graph)
    return (
        creates_cycle,
        not _is_high(group, domains),
        not _has_own_team(group, teams, groups),
        _sync_degree(group, graph),
        first_index(group, graph),
    )


def _acyclic_after(extracted: list[Group], graph: nx.DiGraph) -> bool:
    unit = {name: i for i, group in enumerate(extracted) for name in group}
    quotient = nx.DiGraph()
    edges = ((unit.get(a, MONOLITH), unit.get(b, MONOLITH)) for a, b in graph.edges)
    quotient.add_edges_from((a, b) for a, b in edges if a != b)
    return nx.is_directed_acyclic_graph(quotient)


def _is_high(group: Group, domains: dict[str, Domain]) -> bool:
    return any(domains[name].load == Load.HIGH for name in group)


def _has_own_team(group: Group, teams: dict[str, str], groups: list[Group]) -> bool:
    team = owning_team(group, teams)
    if team is None:
        return False
    return not any(teams.get(n) == team for other in groups if other != group for n in other)


def _sync_degree(group: Group, graph: nx.DiGraph) -> int:
    return sum(1 for a, b in graph.edges if (a in group) != (b in group))


def _extracted(
    group: Group,
    domains: dict[str, Domain],
    teams: dict[str, str],
    graph: nx.DiGraph,
    groups: list[Group],
) -> Component:
    service = service_for(group_domains(group, domains), owning_team(group, teams), graph)
    reasons = []
    if _is_high(group, domains):
        reasons.append("high load, so it scales out apart from the monolith")
    if _has_own_team(group, teams, groups):
        reasons.append(f"its own team ({service.team})")
    calls = _sync_degree(group, graph)
    reasons.append(f"{calls} sync dependenc{'y' if calls == 1 else 'ies'} to cut")
    return replace(service, note=("Extracted first: " + "; ".join(reasons))[:200])


def _sole_team(remaining: Sequence[Domain], teams: dict[str, str]) -> str | None:
    """The team of what remains of the monolith, when one team alone owns it: a monolith
    several named teams work in is drawn as theirs together, not as its largest team's."""
    named = {teams[d.name] for d in remaining if d.name in teams}
    return named.pop() if len(named) == 1 else None
