"""MicroTOSCA YAML, the format of the microFreshener tool: import into and export from
an `Architecture`.

MicroTOSCA has no clients and no notion of sync or async, so the mapping is:
- `micro.nodes.Service`, `Datastore`, `MessageBroker`, `MessageRouter` (and its
  Kubernetes subtypes) become services, datastores, brokers and gateways; an enterprise
  service bus is exported as a `MessageRouter` marked `kind: esb`.
- `Compute` nodes are not components: what is `deployed_on` one shares its `deploy_unit`.
- `Team` groups set each member's `team`.
- The `Edge` group lists what external users reach. On import, its members get a
  synthesised client, named after the group, with a sync link to each. On export, the
  targets of the clients' links form the one Edge group microFreshener allows, and the
  clients themselves are listed in the group's `metadata` so they come back by name.
- An interaction with a broker is async, any other is sync. A broker cannot be the
  source of an interaction in MicroTOSCA, so a broker delivering to a consumer is
  written as the consumer's interaction with the broker, named in the consumer's
  `metadata.subscribes_to`.
- What MicroTOSCA cannot say (language, layer, engine, owner, other link styles, links
  from datastores) travels in each node template's `metadata`, which microFreshener
  ignores. Client attributes other than the name are not exported.
"""

from collections.abc import Mapping
from typing import Any

from architectures.importers.yaml_documents import load_documents
from architectures.input_formats import Upload
from architectures.microtosca_export import (
    CLIENTS_KEY,
    EDGE,
    METADATA_FIELDS,
    NODE_TYPES,
    TEAM,
    export_microtosca,
)
from architectures.model import (
    Architecture,
    ArchitectureInvalid,
    Kind,
    Problem,
    parse_architecture,
)

__all__ = ["MAX_BYTES", "MicroToscaInvalid", "export_microtosca", "import_microtosca"]

MAX_BYTES = 1_000_000
COMPUTE = "micro.nodes.Compute"
KIND_OF_TYPE = {value: key for key, value in NODE_TYPES.items() if key != Kind.ESB} | {
    f"{NODE_TYPES[Kind.GATEWAY]}.{sub}": Kind.GATEWAY for sub in ("KIngress", "KService", "KProxy")
}
FLAGS = {
    "timeout": "timeout",
    "circuit_breaker": "circuit_breaker",
    "dynamic_discovery": "discovery",
}
Loc = tuple[str | int, ...]
NODES: Loc = ("topology_template", "node_templates")


class MicroToscaInvalid(ArchitectureInvalid):
    """The YAML is not MicroTOSCA Decider can read; `problems` say where."""


def import_microtosca(text: str | bytes) -> Architecture:
    """Read MicroTOSCA YAML (safely: plain data only) into an `Architecture`."""
    reader = _Reader(_load(text))
    data = reader.read()
    try:
        return parse_architecture(data)
    except ArchitectureInvalid as error:
        raise MicroToscaInvalid([reader.locate(p) for p in error.problems]) from None


def _load(text: str | bytes) -> Any:
    raw = text.encode() if isinstance(text, str) else text
    if len(raw) > MAX_BYTES:
        msg = f"At most {MAX_BYTES:,} bytes of YAML, got {len(raw):,}."
        raise MicroToscaInvalid([Problem(("yaml",), msg, "too_long")])
    try:
        documents = load_documents(Upload("", raw))
    except ArchitectureInvalid as error:
        raise MicroToscaInvalid(error.problems) from None
    if len(documents) > 1:
        msg = "MicroTOSCA is one YAML document; this text holds several."
        raise MicroToscaInvalid([Problem(("yaml",), msg, "yaml")])
    return documents[0].data if documents else None


class _Reader:
    """Turns the loaded YAML into the Architecture JSON shape, collecting every problem."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.components: dict[str, dict[str, Any]] = {}
        self.component_locs: list[Loc] = []
        self.links: list[dict[str, Any]] = []
        self.link_locs: list[Loc] = []
        self.computes: dict[str, str] = {}
        self.templates: Mapping[str, Any] = {}

    def read(self) -> dict[str, Any]:
        topology = self._mapping(
            ("topology_template",), self._get(self.document, "topology_template")
        )
        nodes = self._mapping(NODES, self._get(topology, "node_templates"))
        templates = self._get(topology, "relationship_templates") or {}
        self.templates = self._mapping(("topology_template", "relationship_templates"), templates)
        self._fail_if_problems()
        for name, node in nodes.items():
            self._node(name, node)
        self._fail_if_problems()
        for name, node in nodes.items():
            self._requirements(name, node)
        groups = self._mapping(("topology_template", "groups"), self._get(topology, "groups") or {})
        for name, group in groups.items():
            self._group(name, group)
        self._fail_if_problems()
        return {"components": list(self.components.values()), "links": self.links}

    def locate(self, problem: Problem) -> Problem:
        """Point a problem found in the JSON shape back at the YAML it came from."""
        kinds = {"components": self.component_locs, "links": self.link_locs}
        if len(problem.loc) >= 2 and problem.loc[0] in kinds:
            origin = kinds[str(problem.loc[0])][int(problem.loc[1])]
            return Problem((*origin, *problem.loc[2:]), problem.msg, problem.type)
        return problem

    def _node(self, name: Any, node: Any) -> None:
        loc = (*NODES, str(name))
        node = self._mapping(loc, node)
        node_type = node.get("type")
        # Never echo user data whole: it may be large.
        node_type = node_type if isinstance(node_type, str) else f"a {type(node_type).__name__}"
        if node_type == COMPUTE:
            self.computes[str(name)] = str(self._metadata(loc, node).get("deploy_unit", name))
            return
        if node_type not in KIND_OF_TYPE:
            shown = node_type if len(node_type) <= 80 else node_type[:80] + "…"
            self._problem((*loc, "type"), f"Unknown node type {shown!r}.", "enum")
            return
        component: dict[str, Any] = {"name": name, "kind": str(KIND_OF_TYPE[node_type])}
        metadata = self._metadata(loc, node)
        if metadata.get("kind") == str(Kind.ESB) and component["kind"] == Kind.GATEWAY:
            component["kind"] = str(Kind.ESB)
        fields = (*METADATA_FIELDS, "deploy_unit")
        component |= {key: metadata[key] for key in fields if key in metadata}
        for key in ("note", "modules"):
            if metadata.get(key) is not None:
                component[key] = metadata[key]
        self.components[str(name)] = component
        self.component_locs.append(loc)

    def _requirements(self, name: str, node: Mapping[str, Any]) -> None:
        loc = (*NODES, str(name), "requirements")
        if str(name) in self.computes:
            return
        requirements = node.get("requirements") or []
        if not isinstance(requirements, list):
            self._problem(loc, "Must be a list.", "list_type")
            return
        metadata = self._metadata((*NODES, str(name)), node)
        subscribed = list(self._names(metadata, "subscribes_to"))
        for index, requirement in enumerate(requirements):
            self._requirement((*loc, index), str(name), requirement, metadata, subscribed)
        for index, extra in enumerate(self._list(metadata, "links")):
            link_loc = (*NODES, str(name), "metadata", "links", index)
            if not isinstance(extra, Mapping):
                self._problem(link_loc, "Each link must be a mapping.", "dict_type")
                continue
            self._add_link(link_loc, {"source": name, **extra})

    def _requirement(
        self, loc: Loc, name: str, requirement: Any, metadata: Mapping, subscribed: list[str]
    ) -> None:
        if not isinstance(requirement, Mapping) or len(requirement) != 1:
            self._problem(loc, "Each requirement is one 'interaction' or 'deployed_on'.")
            return
        ((relation, target),) = requirement.items()
        loc = (*loc, str(relation))
        node_name = target.get("node") if isinstance(target, Mapping) else target
        if relation == "deployed_on":
            self._deployed_on(loc, name, node_name)
        elif relation == "interaction":
            self._interaction(loc, name, node_name, target, metadata, subscribed)
        else:
            self._problem(loc, f"Unknown requirement {relation!r}.", "enum")

    def _deployed_on(self, loc: Loc, name: str, compute: Any) -> None:
        if not isinstance(compute, str) or compute not in self.computes:
            self._problem(loc, f"'deployed_on' needs a Compute node, not {compute!r}.")
            return
        self.components[name]["deploy_unit"] = self.computes[compute]

    def _interaction(
        self, loc: Loc, name: str, target: Any, raw: Any, metadata: Mapping, subscribed: list[str]
    ) -> None:
        if str(target) not in self.components:
            self._problem(loc, f"Unknown node {target!r}.")
            return
        target = str(target)
        to_broker = self.components[target]["kind"] == Kind.BROKER
        link = {"source": name, "target": target, "style": "async" if to_broker else "sync"}
        if target in self._names(metadata, "async_to"):
            link["style"] = "async"
        if target in self._names(metadata, "sync_to"):
            link["style"] = "sync"
        if to_broker and target in subscribed:
            subscribed.remove(target)
            link |= {"source": target, "target": name}
        link |= self._flags(loc, raw)
        self._add_link(loc, link)

    def _flags(self, loc: Loc, raw: Any) -> dict[str, bool]:
        if not isinstance(raw, Mapping) or raw.get("relationship") is None:
            return {}
        name = raw["relationship"]
        template = self.templates.get(name) if isinstance(name, str) else None
        if not isinstance(template, Mapping):
            self._problem((*loc, "relationship"), f"Unknown relationship template {name!r}.")
            return {}
        properties = template.get("properties") or {}
        if not isinstance(properties, Mapping):
            self._problem(
                ("topology_template", "relationship_templates", str(name)), "Bad properties."
            )
            return {}
        return {ours: properties[theirs] for theirs, ours in FLAGS.items() if theirs in properties}

    def _group(self, name: Any, group: Any) -> None:
        loc = ("topology_template", "groups", str(name))
        group = self._mapping(loc, group)
        members = group.get("members") or []
        known = self.components.keys() | self.computes.keys()
        if not isinstance(members, list) or not all(str(m) in known for m in members):
            self._problem((*loc, "members"), "Must list node names of this topology.")
            return
        members = [m for m in members if str(m) in self.components]
        if group.get("type") == TEAM:
            for member in members:
                self.components[str(member)].setdefault("team", str(name))
        elif group.get("type") == EDGE:
            self._edge(loc, str(name), group, [str(m) for m in members])

    def _edge(self, loc: Loc, name: str, group: Mapping, members: list[str]) -> None:
        clients = self._metadata(loc, group).get(CLIENTS_KEY)
        if not isinstance(clients, Mapping):
            client = name if name not in self.components else f"{name} (client)"
            clients = {client: members}
        for client, targets in clients.items():
            self.components[str(client)] = {"name": client, "kind": str(Kind.CLIENT)}
            self.component_locs.append(loc)
            for target in targets if isinstance(targets, list) else []:
                self._add_link((*loc, "members"), {"source": client, "target": target})

    def _add_link(self, loc: Loc, link: Mapping[str, Any]) -> None:
        self.links.append(dict(link))
        self.link_locs.append(loc)

    def _metadata(self, loc: Loc, node: Mapping[str, Any]) -> Mapping[str, Any]:
        return self._mapping((*loc, "metadata"), node.get("metadata") or {})

    def _list(self, metadata: Mapping[str, Any], key: str) -> list[Any]:
        value = metadata.get(key) or []
        return value if isinstance(value, list) else []

    def _names(self, metadata: Mapping[str, Any], key: str) -> set[str]:
        return {str(item) for item in self._list(metadata, key)}

    def _get(self, data: Any, key: str) -> Any:
        return data.get(key) if isinstance(data, Mapping) else None

    def _mapping(self, loc: Loc, value: Any) -> Mapping[str, Any]:
        if isinstance(value, Mapping):
            return value
        self._problem(loc, "This field is required and must be a mapping.", "dict_type")
        return {}

    def _problem(self, loc: Loc, msg: str, kind: str = "value_error") -> None:
        self.problems.append(Problem(loc, msg, kind))

    def _fail_if_problems(self) -> None:
        if self.problems:
            raise MicroToscaInvalid(self.problems)
