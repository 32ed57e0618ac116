"""Export of an `Architecture` as MicroTOSCA YAML; the mapping is described in
`architectures.microtosca`, which also reads the result back.
"""

from dataclasses import dataclass, field
from typing import Any

import yaml

from architectures.model import Architecture, Component, Kind, Link, LinkStyle

NODE_TYPES = {
    Kind.SERVICE: "micro.nodes.Service",
    Kind.DATASTORE: "micro.nodes.Datastore",
    Kind.BROKER: "micro.nodes.MessageBroker",
    Kind.GATEWAY: "micro.nodes.MessageRouter",
    Kind.ESB: "micro.nodes.MessageRouter",
}
TEAM = "micro.groups.Team"
EDGE = "micro.groups.Edge"
CLIENTS_KEY = "clients"
METADATA_FIELDS = ("load", "language", "layer", "engine", "owner")
# Only these may start an interaction, or be deployed on a Compute, in MicroTOSCA.
INTERACTING = (Kind.SERVICE, Kind.GATEWAY, Kind.ESB)
DEPLOYABLE = (Kind.SERVICE, Kind.DATASTORE, Kind.BROKER)
INTERACTS_WITH = "micro.relationships.InteractsWith"
# microFreshener's names for the seven combinations of the three interaction flags.
TEMPLATES = {
    (True, False, False): "t",
    (False, True, False): "c",
    (False, False, True): "d",
    (True, True, False): "tc",
    (True, False, True): "td",
    (False, True, True): "cd",
    (True, True, True): "tcd",
}
VERSION = "1.1"


def export_microtosca(architecture: Architecture) -> str:
    """The architecture as MicroTOSCA YAML that microFreshener (and `import_microtosca`) reads."""
    nodes = _Nodes(architecture)
    for link in architecture.links:
        nodes.add_link(link)
    topology: dict[str, Any] = {"node_templates": nodes.templates()}
    topology["groups"] = _groups(architecture)
    topology["relationship_templates"] = _relationship_templates()
    document = {
        "tosca_definitions_version": f"micro_tosca_yaml_{VERSION}",
        "description": "Exported by Decider",
        "imports": [
            {"micro": f"https://di-unipi-socc.github.io/microTOSCA/{VERSION}/microTOSCA.yaml"}
        ],
        "topology_template": topology,
    }
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


@dataclass
class _Node:
    component: Component
    requirements: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    def note(self, key: str, value: Any) -> None:
        self.metadata.setdefault(key, []).append(value)


class _Nodes:
    def __init__(self, architecture: Architecture) -> None:
        self.kinds = {c.name: c.kind for c in architecture.components}
        self.nodes = {
            c.name: _Node(c, metadata=_metadata(c))
            for c in architecture.components
            if c.kind != Kind.CLIENT
        }
        self.compute_names = _compute_names(architecture)

    def add_link(self, link: Link) -> None:
        source, target = self.kinds[link.source], self.kinds[link.target]
        if Kind.CLIENT in (source, target) or link.source == link.target:
            self._extra(link)
        elif source in INTERACTING:
            self._interaction(link.source, link.target, link, target)
        elif source == Kind.BROKER and target in INTERACTING and link.style == LinkStyle.ASYNC:
            self.nodes[link.target].note("subscribes_to", link.source)
            self._interaction(link.target, link.source, link, source)
        else:
            self._extra(link)

    def _interaction(self, source: str, target: str, link: Link, target_kind: Kind) -> None:
        node = self.nodes[source]
        flags = (link.timeout, link.circuit_breaker, link.discovery)
        template = TEMPLATES.get(flags)
        requirement = {"node": target, "relationship": template} if template else target
        node.requirements.append({"interaction": requirement})
        default = LinkStyle.ASYNC if target_kind == Kind.BROKER else LinkStyle.SYNC
        if link.style != default and link.source == source:
            node.note(f"{link.style}_to", target)

    def _extra(self, link: Link) -> None:
        """Keep a link MicroTOSCA cannot express in its source's metadata, if it has a node."""
        if link.source not in self.nodes or self.kinds[link.target] == Kind.CLIENT:
            return
        extra = {"target": link.target, "style": str(link.style)}
        extra |= {
            key: True for key in ("timeout", "circuit_breaker", "discovery") if getattr(link, key)
        }
        self.nodes[link.source].note("links", extra)

    def templates(self) -> dict[str, Any]:
        result = {name: self._template(node) for name, node in self.nodes.items()}
        for unit, name in self.compute_names.items():
            result[name] = {"type": "micro.nodes.Compute"}
            if name != unit:
                result[name]["metadata"] = {"deploy_unit": unit}
        return result

    def _template(self, node: _Node) -> dict[str, Any]:
        component = node.component
        template: dict[str, Any] = {"type": NODE_TYPES[component.kind]}
        metadata = dict(node.metadata)
        requirements = list(node.requirements)
        if component.deploy_unit and component.kind in DEPLOYABLE:
            compute = self.compute_names[component.deploy_unit]
            requirements.append({"deployed_on": {"node": compute}})
        elif component.deploy_unit:
            metadata["deploy_unit"] = component.deploy_unit
        if metadata:
            template["metadata"] = metadata
        if requirements:
            template["requirements"] = requirements
        return template


def _metadata(component: Component) -> dict[str, Any]:
    metadata: dict[str, Any] = {"kind": str(Kind.ESB)} if component.kind == Kind.ESB else {}
    for key in (*METADATA_FIELDS, "note"):
        if getattr(component, key) is not None:
            metadata[key] = str(getattr(component, key))
    if component.modules:
        metadata["modules"] = list(component.modules)
    return metadata


def _compute_names(architecture: Architecture) -> dict[str, str]:
    """A Compute node name for each deploy unit, kept apart from component names."""
    taken = set(architecture.by_name)
    units = [
        c.deploy_unit for c in architecture.components if c.deploy_unit and c.kind in DEPLOYABLE
    ]
    names = {}
    for unit in dict.fromkeys(units):
        name = unit
        while name in taken:
            name = f"{name} (unit)"
        names[unit] = name
        taken.add(name)
    return names


def _groups(architecture: Architecture) -> dict[str, Any]:
    groups: dict[str, Any] = {}
    for component in architecture.components:
        if component.team and component.kind != Kind.CLIENT:
            team = groups.setdefault(component.team, {"type": TEAM, "members": []})
            team["members"].append(component.name)
    clients: dict[str, list[str]] = {c.name: [] for c in architecture.of_kind(Kind.CLIENT)}
    if not clients:
        return groups
    for link in architecture.links:
        if link.source in clients and link.target not in clients:
            clients[link.source].append(link.target)
    members = [t for ts in clients.values() for t in ts if _on_edge(architecture, t)]
    name = "edge"
    while name in groups:
        name = f"{name}-clients"
    groups[name] = {"type": EDGE, "members": list(dict.fromkeys(members))}
    groups[name]["metadata"] = {CLIENTS_KEY: clients}
    return groups


def _on_edge(architecture: Architecture, name: str) -> bool:
    # microFreshener silently drops datastores from the Edge group.
    return architecture.component(name).kind != Kind.DATASTORE


def _relationship_templates() -> dict[str, Any]:
    names = {"t": ("timeout",), "c": ("circuit_breaker",), "d": ("dynamic_discovery",)}
    return {
        template: {
            "type": INTERACTS_WITH,
            "properties": {prop: True for letter in template for prop in names[letter]},
        }
        for template in TEMPLATES.values()
    }
