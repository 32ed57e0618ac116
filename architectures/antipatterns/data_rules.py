"""Detectors over datastores: who shares them and who reaches into whose data."""

from architectures.antipatterns import topology
from architectures.antipatterns.finding import Finding, finding, names
from architectures.antipatterns.registry import ARCHITECTURE, rule
from architectures.antipatterns.severity import Severity
from architectures.model import Architecture, Kind

MANY_USERS = 3


@rule("shared-persistence", needs=ARCHITECTURE)
def shared_persistence(architecture: Architecture) -> list[Finding]:
    return [
        finding(
            "shared-persistence",
            f"Datastore '{store}' is used by {names(users)}: a change to its schema "
            "has to be coordinated between all of them.",
            (store, *users),
            severity=Severity.HIGH if len(users) >= MANY_USERS else None,
        )
        for store, users in topology.shared_datastores(architecture).items()
    ]


@rule("inappropriate-service-intimacy", needs=ARCHITECTURE)
def inappropriate_service_intimacy(architecture: Architecture) -> list[Finding]:
    found = []
    for store in architecture.of_kind(Kind.DATASTORE):
        owner = store.owner
        intruders = [u for u in topology.users(architecture, store.name) if owner and u != owner]
        found += [_intimacy(architecture, intruder, store.name, owner) for intruder in intruders]
    return found


def _intimacy(architecture: Architecture, intruder: str, store: str, owner: str) -> Finding:
    message = (
        f"'{intruder}' uses datastore '{store}', which belongs to '{owner}': it bypasses "
        f"'{owner}' and ties itself to that service's private schema."
    )
    elements = (intruder, store, owner) if owner in architecture.by_name else (intruder, store)
    return finding("inappropriate-service-intimacy", message, elements)
