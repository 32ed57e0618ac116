"""Compose files (the compose specification, and version 2 and 3 files) into an
architecture for review.

Several files are read as `docker compose -f a.yml -f b.yml` reads them: in order, each
overriding and extending the ones before (a base file and its override). Each service
becomes a workload (`compose_service`); what the architecture makes of workloads is in
`architectures.importers.assembly`. Top-level `networks`, `volumes`, `configs` and
`secrets` are not read, nor is anything they name opened; `include` is not followed.
Service names, container names and network aliases resolve through compose's DNS, so
links by name have discovery; an `ipv4_address` reached literally has not.
"""

from collections.abc import Sequence
from typing import Any

from architectures.input_formats import Upload
from architectures.problems import Problem

from .assembly import assemble
from .compose_service import ComposeService, ServiceReader, workload
from .records import DeploymentInvalid, Imported, Notice, NoticeKind, Origin
from .workloads import Deployment
from .yaml_documents import Document, check_sizes, load_documents

FORMAT = "compose"
QUIET_TOP_LEVEL = frozenset({"version", "name", "services"})


def import_compose(uploads: Sequence[Upload]) -> Imported:
    """Read one or more compose files (later ones override earlier ones)."""
    check_sizes(uploads)
    reader = _ComposeReader()
    for upload in uploads:
        documents = load_documents(upload)
        if not documents:
            raise DeploymentInvalid([Problem(_loc(upload.name), "The file is empty.", "missing")])
        reader.read_file(documents[0])
        for extra in documents[1:]:
            message = "A compose file holds one document; the ones after the first are not read."
            origin = Origin(extra.file, (), extra.index)
            reader.notices.append(Notice(NoticeKind.IGNORED_DOCUMENT, message, origin))
    return assemble(reader.deployment(tuple(u.name for u in uploads if u.name)))


class _ComposeReader:
    def __init__(self) -> None:
        self.services: dict[str, ComposeService] = {}
        self.services_reader = ServiceReader()
        self.notices: list[Notice] = []

    def read_file(self, document: Document) -> None:
        origin = Origin(document.file)
        data = document.data
        if not isinstance(data, dict) or not isinstance(data.get("services"), dict):
            msg = (
                "A compose file needs a top-level `services` mapping (files of version 1, "
                "without it, are not read: convert them with `docker compose convert`)."
            )
            raise DeploymentInvalid([Problem(origin.at("services").loc(), msg, "missing")])
        self._top_level(origin, data)
        reader = self.services_reader
        reader.unread = {}
        for name, body in data["services"].items():
            where = origin.at("services", str(name))
            service = self.services.setdefault(str(name), ComposeService(str(name), where))
            reader.read(service, body, where)
        if reader.problems:
            raise DeploymentInvalid(reader.problems)
        if reader.unread:
            self.notices.append(_unread_keys(origin, reader.unread))

    def _top_level(self, origin: Origin, data: dict[str, Any]) -> None:
        others = [str(k) for k in data if str(k) not in QUIET_TOP_LEVEL]
        if "include" in others:
            message = "`include` names other compose files, which are not opened: send them too."
            self.notices.append(Notice(NoticeKind.UNREAD_FILE, message, origin.at("include")))
            others.remove("include")
        if others:
            message = (
                f"Top-level {', '.join(others)} not read: networks, volumes, configs and "
                "secrets do not change the reviewed architecture, and no file they name is opened."
            )
            self.notices.append(Notice(NoticeKind.IGNORED_KEY, message, origin))

    def deployment(self, files: tuple[str, ...]) -> Deployment:
        found = Deployment(FORMAT, files, notices=self.notices + self.services_reader.notices)
        for name, service in self.services.items():
            found.directory.add_name(name, name)
            for alias in service.aliases:
                found.directory.add_name(alias, name)
            for alias, target in service.link_aliases.items():
                found.directory.add_name(alias, target)
            for address in service.addresses:
                found.directory.add_address(address, name)
            found.workloads.append(workload(service))
        _share_units(found)
        found.notices += _unset_notices(self.services_reader.unset)
        return found


def _share_units(deployment: Deployment) -> None:
    """`network_mode: service:x` puts a service in x's unit: x is in it too."""
    names = deployment.directory.names
    for item in deployment.workloads:
        if item.unit is not None:
            host = names.get(item.unit.lower(), [item.unit])[0]
            item.unit = host
            other = deployment.workload(host)
            if other is not None:
                other.unit = host


def _unread_keys(origin: Origin, unread: dict[str, list[str]]) -> Notice:
    listed = ", ".join(
        f"{key} ({len(services)} service{'s' if len(services) > 1 else ''})"
        for key, services in sorted(unread.items())
    )
    message = (
        f"Keys not read in the services: {listed}. They do not change the reviewed "
        "architecture; no file they name (build contexts, volumes) is opened."
    )
    return Notice(NoticeKind.IGNORED_KEY, message, origin.at("services"))


def _unset_notices(unset: dict[str, Origin]) -> list[Notice]:
    if not unset:
        return []
    names = ", ".join(sorted(unset))
    message = (
        f"Variables with no value here: {names}. Their values come from the shell or a "
        "`.env` file, which is not read; addresses built from them are unknown."
    )
    return [Notice(NoticeKind.UNSET_VARIABLE, message, next(iter(unset.values())))]


def _loc(name: str) -> tuple[str, ...]:
    return (name,) if name else ()
