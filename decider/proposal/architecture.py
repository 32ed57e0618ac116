"""The architecture Decider proposes for a style, built from the answers' domains.

Every proposal avoids the anti-patterns it can: one datastore per service, clients only
through the gateway, resilient and discovered sync calls, no sync cycle between services,
one deployment unit per service, and no team running more than it can.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import networkx as nx

from architectures.model import NOTE_MAX, Architecture, Component, Kind, Link
from decider.engine.answers import Answers, Domain
from decider.engine.choices import ExistingSystem, Op, Style
from decider.engine.factors import oversized_fleet
from decider.proposal.migration import incremental_migration
from decider.proposal.parts import (
    APPLICATION,
    CLIENT,
    DATABASE,
    MAX_SERVICES_PER_TEAM,
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


def propose(answers: Answers, style: Style, *, build_first: Sequence[Op] = ()) -> Architecture:
    """The architecture for `style`: the shape the verdict recommends, drawn from domains.

    A fleet far larger than its teams is drawn consolidated (each component says from
    how many services); a migration that must build missing prerequisites says so on the
    monolith it starts from."""
    if style in (Style.MONOLITH, Style.MODULAR_MONOLITH):
        drawn = _monolith(answers, modular=style == Style.MODULAR_MONOLITH)
    elif style == Style.MICROSERVICES:
        drawn = _microservices(answers)
    else:
        drawn = incremental_migration(answers, build_first)
    return _consolidated(drawn, answers)


def consolidates(answers: Answers) -> int | None:
    """How many of today's services the proposal merges, when they far outnumber teams."""
    if answers.existing_system != ExistingSystem.MICROSERVICES:
        return None
    # The engine's own measure, so the drawing and the verdict agree on what is too many.
    return answers.services_today if oversized_fleet(vars(answers)) else None


def _consolidated(architecture: Architecture, answers: Answers) -> Architecture:
    fleet = consolidates(answers)
    if fleet is None:
        return architecture
    services = [c for c in architecture.components if c.kind == Kind.SERVICE]
    note = f"Consolidates today's {fleet} services" + (
        f" into {len(services)}" if len(services) > 1 else " into one deployable"
    )
    components = tuple(
        replace(c, note="; ".join(filter(None, (note, c.note)))[:NOTE_MAX])
        if c.kind == Kind.SERVICE
        else c
        for c in architecture.components
    )
    return replace(architecture, components=components)


def _monolith(answers: Answers, *, modular: bool) -> Architecture:
    names = tuple(d.name for d in answers.domains)
    teams = {d.team for d in answers.domains}
    note = "One deployable; module boundaries enforced" if modular else "One deployable"
    app = Component(
        APPLICATION,
        Kind.SERVICE,
        team=teams.pop() if len(teams) == 1 else None,
        load=highest_load(answers.domains),
        deploy_unit=APPLICATION,
        note=note,
        modules=names,
    )
    database = Component(
        DATABASE,
        Kind.DATASTORE,
        team=app.team,
        owner=APPLICATION,
        note="One schema per module" if modular else None,
        modules=names if modular else (),
    )
    links = (Link(CLIENT, APPLICATION), Link(APPLICATION, DATABASE))
    return Architecture((Component(CLIENT, Kind.CLIENT), app, database), links)


def _microservices(answers: Answers) -> Architecture:
    domains = {d.name: d for d in answers.domains}
    graph = sync_graph(answers.domains)
    groups = merge_cycles(singletons(answers.domains), graph)
    # Teams Decider had to assume only size the services; components show named teams only.
    named = named_teams(answers)
    groups = _capped_groups(groups, graph, named, _domain_teams(answers))
    services = [
        service_for(group_domains(g, domains), owning_team(g, named), graph) for g in groups
    ]
    unit_of = {name: services[i].name for i, g in enumerate(groups) for name in g}
    return distributed(answers.domains, services, unit_of)


def _capped_groups(
    groups: list[Group], graph: nx.DiGraph, named: dict[str, str], assumed: dict[str, str]
) -> list[Group]:
    """Merge each overloaded team's two smallest services until none runs more than the cap.

    A service belongs to the team named on its domains, as its component will show, and
    only without one to the team Decider assumed."""
    while True:
        owned: dict[str, list[Group]] = defaultdict(list)
        for group in groups:
            owned[owning_team(group, named) or owning_team(group, assumed)].append(group)
        over = sorted(t for t, gs in owned.items() if len(gs) > MAX_SERVICES_PER_TEAM)
        if not over:
            return groups
        smallest = sorted(owned[over[0]], key=lambda g: (len(g), first_index(g, graph)))[:2]
        rest = [g for g in groups if g not in smallest]
        groups = merge_cycles([*rest, smallest[0] | smallest[1]], graph)


def _domain_teams(answers: Answers) -> dict[str, str]:
    """Each domain's team: its own, or one of `answers.teams` generated teams, in order."""
    explicit = {d.name: d.team for d in answers.domains if d.team}
    unowned = [name for name in _linked_order(answers.domains) if name not in explicit]
    if not unowned:
        return explicit
    spare = max(1, answers.teams - len(set(explicit.values())))
    generated = {n: f"Team {i * spare // len(unowned) + 1}" for i, n in enumerate(unowned)}
    return explicit | generated


def _linked_order(domains: Sequence[Domain]) -> list[str]:
    """Domain names with linked domains next to each other (breadth first from the first
    listed), so generated teams own domains that work together, not neighbours in a list."""
    graph = nx.Graph()
    graph.add_nodes_from(d.name for d in domains)
    graph.add_edges_from((d.name, t) for d in domains for t in (*d.depends_on, *d.publishes_to))
    order: list[str] = []
    for domain in domains:
        if domain.name not in order:
            order += [domain.name, *(v for _, v in nx.bfs_edges(graph, domain.name))]
    return order
