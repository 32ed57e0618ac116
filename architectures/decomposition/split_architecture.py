"""A decomposition's candidates as an architecture, for the exports that describe an
architecture (Structurizr DSL): each candidate a service with its own data, each table
several candidates write a datastore of its own, and each summed call flow a sync link."""

from architectures.decomposition.split import Split
from architectures.model import Architecture, Component, Kind, Link


def split_architecture(split: Split) -> Architecture:
    components, links = [], []
    for candidate in split.candidates:
        components.append(Component(candidate.name, Kind.SERVICE, modules=candidate.modules))
        if tables := split.own_tables(candidate):
            store = f"{candidate.name} data"
            components.append(
                Component(store, Kind.DATASTORE, owner=candidate.name, modules=tables)
            )
            links.append(Link(candidate.name, store))
    for shared in split.shared_tables:
        store = f"shared table {shared.table}"
        components.append(Component(store, Kind.DATASTORE, owner=shared.owner or None))
        links += [Link(writer, store) for writer in shared.candidates]
    links += [Link(flow.caller, flow.callee) for flow in split.calls]
    return Architecture(tuple(components), tuple(links))
