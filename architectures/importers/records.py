"""What an import leaves besides the architecture: where each part came from, and what
the reader noticed but could not turn into components and links.

An `Origin` is the file and the key a fact was read from. `Evidence` ties a component or
a link to the origins it rests on; a `Notice` is a warning the saved review keeps (a
host that is not deployed, a document or key not read, a link inferred from names).
Neither ever holds the value of a variable: only its name.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from architectures.model import Architecture, ArchitectureInvalid

Key = tuple[str | int, ...]
PASTED = "pasted text"
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Origin:
    """A place in the input: the file (empty for pasted text), the document's index in a
    multi-document file (None for a single document) and the key path inside it."""

    file: str
    key: Key = ()
    document: int | None = None

    def at(self, *key: str | int) -> "Origin":
        return Origin(self.file, (*self.key, *key), self.document)

    @property
    def dotted_key(self) -> str:
        """`services.web.environment.DB_URL`; keys that are not identifiers are quoted,
        `metadata.labels["app.kubernetes.io/part-of"]`, list indexes bracketed."""
        text = ""
        for part in self.key:
            if isinstance(part, int):
                text += f"[{part}]"
            elif _PLAIN_KEY.fullmatch(part):
                text += f".{part}" if text else part
            else:
                text += f'["{part}"]'
        return text

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file or PASTED, "document": self.document, "key": self.dotted_key}

    def loc(self) -> tuple[str | int, ...]:
        """The location a 422 names: file, document, then the key path."""
        file = (self.file,) if self.file else ()
        document = ("documents", self.document) if self.document is not None else ()
        return (*file, *document, *self.key)

    def __str__(self) -> str:
        where = self.file or PASTED
        if self.document is not None:
            where += f", document {self.document + 1}"
        return f"{where}: {self.dotted_key}" if self.key else where


class NoticeKind(StrEnum):
    UNRESOLVED_HOST = "unresolved-host"  # a host named in the input that is not deployed in it
    IGNORED_DOCUMENT = "ignored-document"  # a document (or object) that is not read
    IGNORED_KEY = "ignored-key"  # keys that are not read
    UNREAD_FILE = "unread-file"  # a file the input names; never opened
    UNSET_VARIABLE = "unset-variable"  # `${VAR}` with no default: its value is unknown
    LEFT_OUT = "left-out"  # a workload that is not part of the architecture (load generator...)
    INFERRED_LINK = "inferred-link"  # a link inferred from names rather than declared
    INFERRED_KIND = "inferred-kind"  # a kind inferred from how a component is used
    SPLIT_DATASTORE = "split-datastore"  # one server holding several databases
    NO_LINKS = "no-links"  # components (or a whole file) with no link at all
    EXPOSED_DATA = "exposed-datastore"  # a datastore or broker published to the outside
    ASSUMED = "assumed"  # something deployment files cannot say, and what was assumed
    RENAMED = "renamed"  # a name shortened or changed to fit the model


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    message: str
    origin: Origin | None = None
    elements: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        where = (
            self.origin.to_dict() if self.origin else {"file": None, "document": None, "key": None}
        )
        return {
            "kind": str(self.kind),
            "message": self.message,
            **where,
            "elements": list(self.elements),
        }


@dataclass(frozen=True)
class Evidence:
    """Why a component or a link exists: `subject` is a component name, or the
    (source, target) of a link; `rule` names the inference rule applied."""

    subject: str | tuple[str, str]
    origin: Origin
    rule: str
    detail: str
    inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        if isinstance(self.subject, tuple):
            head: dict[str, Any] = {"source": self.subject[0], "target": self.subject[1]}
        else:
            head = {"name": self.subject}
        body = {"rule": self.rule, "detail": self.detail, "inferred": self.inferred}
        return head | self.origin.to_dict() | body


@dataclass(frozen=True)
class Imported:
    """An architecture read from some input, with its warnings and evidence."""

    architecture: Architecture
    format: str
    files: tuple[str, ...] = ()
    warnings: tuple[Notice, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def evidence_dict(self) -> dict[str, list[dict[str, Any]]]:
        components = [e.to_dict() for e in self.evidence if isinstance(e.subject, str)]
        links = [e.to_dict() for e in self.evidence if isinstance(e.subject, tuple)]
        return {"components": components, "links": links}


class DeploymentInvalid(ArchitectureInvalid):
    """The input cannot be read as a deployment at all; `problems` say where and why."""
