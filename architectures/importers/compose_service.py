"""One compose service, read key by key and merged across files the way `docker compose
-f base.yml -f override.yml` merges them: a later file overrides single values (image,
network_mode, replicas), and adds to or overrides by name the mappings and lists
(environment, labels, depends_on, ports, networks).

What each key gives:
- `image`: the kind (with the service's name).
- `environment`: references to other workloads (`addresses`); variables whose names look
  secret are skipped unread.
- `depends_on`, `links`: declared links; a `links` alias also names the target.
- `ports`: published ports, each an entry point; `expose` and the container side of
  `ports`: ports it listens on.
- `network_mode: service:x` (or `container:x`): deployed in one unit with x.
- `container_name`, network `aliases`: more names for it; `ipv4_address`/`ipv6_address`:
  a literal address for it.
- `deploy.replicas`, `scale`: its load. `labels`, `deploy.labels`: its team.
- `env_file`, `extends`, `external_links`: named but never opened or resolved (warned).
Every other key is listed in one warning per file.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from architectures.problems import Problem

from .addresses import Address, addresses_in, looks_secret
from .interpolation import interpolate
from .records import Notice, NoticeKind, Origin
from .workloads import Reference, Workload


@dataclass
class ComposeService:
    name: str
    origin: Origin
    image: tuple[str, Origin] | None = None
    environment: dict[str, tuple[str, Origin]] = field(default_factory=dict)
    declared: dict[str, tuple[str, Origin]] = field(default_factory=dict)  # target -> rule
    ports: list[tuple[str, Origin]] = field(default_factory=list)
    listens: set[int] = field(default_factory=set)
    network_mode: tuple[str, Origin] | None = None
    aliases: list[str] = field(default_factory=list)
    link_aliases: dict[str, str] = field(default_factory=dict)  # alias -> the linked service
    addresses: list[str] = field(default_factory=list)
    replicas: tuple[int, Origin] | None = None
    labels: dict[str, tuple[str, Origin]] = field(default_factory=dict)


class ServiceReader:
    """Reads services into `ComposeService`s, collecting problems, notices, the unset
    variables met and the keys left unread."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.notices: list[Notice] = []
        self.unset: dict[str, Origin] = {}
        self.unread: dict[str, list[str]] = {}  # key -> services, for the current file
        self.handlers = self._handlers()

    def read(self, service: ComposeService, body: Any, origin: Origin) -> None:
        if not isinstance(body, dict):
            self._problem(origin, "Each service must be a mapping.", "dict_type")
            return
        for key, value in body.items():
            handler = self.handlers.get(str(key))
            if handler is None:
                self.unread.setdefault(str(key), []).append(service.name)
            else:
                handler(service, value, origin.at(str(key)))

    def _handlers(self) -> dict[str, Callable[[ComposeService, Any, Origin], None]]:
        return {
            "image": self._image,
            "environment": self._environment,
            "depends_on": self._depends_on,
            "links": self._links,
            "ports": self._ports,
            "expose": self._expose,
            "network_mode": self._network_mode,
            "networks": self._networks,
            "container_name": self._container_name,
            "deploy": self._deploy,
            "scale": self._scale,
            "labels": self._labels,
            "env_file": self._env_file,
            "extends": self._extends,
            "external_links": self._external_links,
        }

    def _text(self, value: Any, origin: Origin) -> str:
        if isinstance(value, bool) or value is None:
            return "" if value is None else str(value).lower()
        unset: set[str] = set()
        text = interpolate(str(value), unset)
        for name in unset:
            self.unset.setdefault(name, origin)
        return text

    def _image(self, service: ComposeService, value: Any, origin: Origin) -> None:
        if not isinstance(value, str):
            self._problem(origin, "Must be an image name.", "string_type")
            return
        service.image = (self._text(value, origin), origin)

    def _environment(self, service: ComposeService, value: Any, origin: Origin) -> None:
        for name, raw, where in self._pairs(value, origin):
            if looks_secret(name):
                service.environment.pop(name, None)
                continue  # never read, never kept
            if raw is not None:
                service.environment[name] = (self._text(raw, where), where)

    def _pairs(self, value: Any, origin: Origin) -> list[tuple[str, Any, Origin]]:
        """`KEY=value` list items or mapping entries, as (name, value or None, origin)."""
        if isinstance(value, dict):
            return [(str(k), v, origin.at(str(k))) for k, v in value.items()]
        if isinstance(value, list):
            found = []
            for index, item in enumerate(value):
                if not isinstance(item, str | int | float):
                    self._problem(origin.at(index), "Must be NAME=value.", "string_type")
                    continue
                name, sep, raw = str(item).partition("=")
                found.append((name.strip(), raw if sep else None, origin.at(name.strip())))
            return found
        self._problem(origin, "Must be a list of NAME=value or a mapping.", "dict_type")
        return []

    def _names(self, value: Any, origin: Origin) -> list[tuple[str, Origin]]:
        if isinstance(value, dict):
            return [(str(k), origin.at(str(k))) for k in value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [(v, origin.at(i)) for i, v in enumerate(value)]
        self._problem(origin, "Must be a list of service names or a mapping.", "list_type")
        return []

    def _depends_on(self, service: ComposeService, value: Any, origin: Origin) -> None:
        for name, where in self._names(value, origin):
            service.declared[name] = ("depends_on", where)

    def _links(self, service: ComposeService, value: Any, origin: Origin) -> None:
        for entry, where in self._names(value, origin):
            target, _, alias = entry.partition(":")
            service.declared[target] = ("links", where)
            if alias:
                service.link_aliases[alias] = target

    def _external_links(self, service: ComposeService, value: Any, origin: Origin) -> None:
        for entry, where in self._names(value, origin):
            message = (
                f"'{service.name}' links to the container '{entry.partition(':')[0]}' started "
                "outside these files: it is not part of the reviewed architecture."
            )
            self.notices.append(Notice(NoticeKind.UNRESOLVED_HOST, message, where, (service.name,)))

    def _ports(self, service: ComposeService, value: Any, origin: Origin) -> None:
        if not isinstance(value, list):
            self._problem(origin, "Must be a list of ports.", "list_type")
            return
        for index, item in enumerate(value):
            where = origin.at(index)
            if isinstance(item, dict):
                target, text = (
                    item.get("target"),
                    f"{item.get('published', '')}:{item.get('target')}",
                )
            elif isinstance(item, str | int):
                text = self._text(item, where)
                target = text.split("/")[0].rpartition(":")[2].split("-")[0]
            else:
                self._problem(where, "Must be a port, or a mapping with `target`.", "string_type")
                continue
            service.ports.append((text.strip(":"), where))
            if _number(target) is not None:
                service.listens.add(_number(target))

    def _expose(self, service: ComposeService, value: Any, origin: Origin) -> None:
        for item in value if isinstance(value, list) else []:
            head = str(item).split("/")[0].split("-")[0]
            if _number(head) is not None:
                service.listens.add(_number(head))

    def _network_mode(self, service: ComposeService, value: Any, origin: Origin) -> None:
        service.network_mode = (self._text(value, origin), origin)

    def _networks(self, service: ComposeService, value: Any, origin: Origin) -> None:
        if not isinstance(value, dict):
            return  # a list of network names: nothing to learn
        for settings in value.values():
            if not isinstance(settings, dict):
                continue
            aliases = settings.get("aliases")
            for alias in aliases if isinstance(aliases, list) else []:
                service.aliases.append(str(alias))
            for key in ("ipv4_address", "ipv6_address"):
                if settings.get(key):
                    service.addresses.append(str(settings[key]))

    def _container_name(self, service: ComposeService, value: Any, origin: Origin) -> None:
        service.aliases.append(self._text(value, origin))

    def _deploy(self, service: ComposeService, value: Any, origin: Origin) -> None:
        if not isinstance(value, dict):
            self._problem(origin, "Must be a mapping.", "dict_type")
            return
        if "replicas" in value:
            self._scale(service, value["replicas"], origin.at("replicas"))
        if "labels" in value:
            self._labels(service, value["labels"], origin.at("labels"))
        for key in value.keys() - {"replicas", "labels"}:
            self.unread.setdefault(f"deploy.{key}", []).append(service.name)

    def _scale(self, service: ComposeService, value: Any, origin: Origin) -> None:
        text = self._text(value, origin)
        count = _number(text)
        if count is None:
            self._problem(origin, "Must be a whole number of replicas.", "int_type")
            return
        service.replicas = (count, origin)

    def _labels(self, service: ComposeService, value: Any, origin: Origin) -> None:
        for name, raw, where in self._pairs(value, origin):
            service.labels[name] = (self._text(raw, where) if raw is not None else "", where)

    def _env_file(self, service: ComposeService, value: Any, origin: Origin) -> None:
        message = (
            f"'{service.name}' reads variables from env_file, which is not opened: links "
            "named only there are not found. Put them in `environment` to have them read."
        )
        self.notices.append(Notice(NoticeKind.UNREAD_FILE, message, origin, (service.name,)))

    def _extends(self, service: ComposeService, value: Any, origin: Origin) -> None:
        message = (
            f"'{service.name}' extends another service definition, which is not followed: "
            "run `docker compose config` and review its output to include what it inherits."
        )
        self.notices.append(Notice(NoticeKind.UNREAD_FILE, message, origin, (service.name,)))

    def _problem(self, origin: Origin, message: str, kind: str = "value_error") -> None:
        self.problems.append(Problem(origin.loc(), message, kind))


def _number(value: Any) -> int | None:
    """A whole number written in ASCII digits (`'²'.isdigit()` is true), else None."""
    text = str(value).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def references(service: ComposeService) -> list[Reference]:
    """Declared dependencies first, then the hosts named in the environment."""
    found = [
        Reference(Address(target, explicit=True), where, declared=True, rule=rule)
        for target, (rule, where) in service.declared.items()
    ]
    for name, (value, where) in service.environment.items():
        found += [Reference(a, where, variable=name) for a in addresses_in(value)]
    return found


def workload(service: ComposeService) -> Workload:
    unit = None
    if service.network_mode and service.network_mode[0].startswith(("service:", "container:")):
        unit = service.network_mode[0].partition(":")[2]
    return Workload(
        name=service.name,
        origin=service.origin,
        what="compose service",
        image=service.image[0] if service.image else "",
        unit=unit,
        references=references(service),
        entries=[(where, f"port {text} published") for text, where in service.ports],
        replicas=service.replicas,
        labels=dict(service.labels),
        ports=set(service.listens),
    )
