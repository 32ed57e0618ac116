"""Detectors over teams: who owns what, and how the teams' parts interact."""

from collections import Counter

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, count, finding, names
from architectures.antipatterns.registry import ARCHITECTURE, rule
from architectures.antipatterns.severity import Severity
from architectures.model import Architecture, Component, Kind, Layer

COMMON_OWNERSHIP = 3
# Platform parts (gateway, broker, bus) belong to everyone; coupling to them is not
# coupling between teams.
BUSINESS_KINDS = (Kind.SERVICE, Kind.DATASTORE)


@rule("common-ownership", needs=ARCHITECTURE)
def common_ownership(architecture: Architecture) -> list[Finding]:
    return _owning_teams(architecture)


def _owning_teams(architecture: Architecture) -> list[Finding]:
    every = [s.name for s in topology.services(architecture)]
    found = []
    for team, members in topology.team_of(architecture).items():
        owned = [m for m in members if m in every]
        owns_all = len(every) >= 2 and owned == every
        if len(owned) < COMMON_OWNERSHIP and not owns_all:
            continue
        share = "all the services" if owns_all else f"{len(owned)} services"
        message = f"Team '{team}' owns {share}: {names(owned)}."
        severity = Severity.MEDIUM if owns_all and len(every) >= COMMON_OWNERSHIP else None
        found.append(finding("common-ownership", message, members, severity=severity))
    return found


@rule("tightly-coupled-teams", needs=ARCHITECTURE)
def tightly_coupled_teams(architecture: Architecture) -> list[Finding]:
    found = [_coupling(architecture, s) for s in topology.services(architecture) if s.team]
    return [f for f in found if f is not None]


def _coupling(architecture: Architecture, service: Component) -> Finding | None:
    partners = _partners(architecture, service.name)
    teams = Counter(architecture.by_name[p].team for p in partners)
    own = teams.pop(service.team, 0)
    teams.pop(None, 0)
    if not teams:
        return None
    other, links = teams.most_common(1)[0]
    if links <= own:
        return None
    theirs = [p for p in partners if architecture.by_name[p].team == other]
    message = (
        f"'{service.name}' of team '{service.team}' has {count(links, 'link')} to team "
        f"'{other}' ({names(theirs)}) and {own} within its own team."
    )
    return finding("tightly-coupled-teams", message, (service.name, *theirs))


def _partners(architecture: Architecture, name: str) -> list[str]:
    """The business components at the other end of each link of `name`, one per link."""
    ends = [link.target for link in architecture.links if link.source == name]
    ends += [link.source for link in architecture.links if link.target == name]
    kinds = architecture.by_name
    return [end for end in ends if end != name and kinds[end].kind in BUSINESS_KINDS]


@rule("shared-bounded-context", needs=ARCHITECTURE)
def shared_bounded_context(architecture: Architecture) -> list[Finding]:
    found = []
    for store in architecture.of_kind(Kind.DATASTORE):
        owning_team = _owning_team(architecture, store)
        for user in topology.users(architecture, store.name):
            team = architecture.by_name[user].team
            if owning_team and team and team != owning_team:
                found.append(_foreign_data(user, team, store.name, owning_team))
    return found


def _owning_team(architecture: Architecture, store: Component) -> str | None:
    owner = topology.owner(architecture, store)
    owner_team = architecture.by_name[owner].team if owner in architecture.by_name else None
    return owner_team or store.team


def _foreign_data(user: str, team: str, store: str, owning_team: str) -> Finding:
    message = (
        f"'{user}' of team '{team}' uses datastore '{store}', which belongs to team "
        f"'{owning_team}': two teams share one bounded context."
    )
    return finding("shared-bounded-context", message, (user, store))


@rule("single-layer-teams", needs=ARCHITECTURE)
def single_layer_teams(architecture: Architecture) -> list[Finding]:
    found = []
    for team, members in topology.team_of(architecture).items():
        # A client team (a mobile app, a web front end) is not a layer of the back end.
        parts = [architecture.by_name[m] for m in members]
        layers = {_layer(c) for c in parts if c.kind != Kind.CLIENT}
        if len(layers) == 1 and layers <= {Layer.PRESENTATION, Layer.DATA}:
            (layer,) = layers
            message = f"Team '{team}' owns only the {layer} layer: {names(members)}."
            found.append(finding("single-layer-teams", message, members))
    return found


def _layer(component: Component) -> Layer | None:
    if component.kind == Kind.DATASTORE:
        return Layer.DATA
    return component.layer if component.kind == Kind.SERVICE else None
