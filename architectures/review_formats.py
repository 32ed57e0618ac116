"""The formats a review reads, in one registry: the review page and `POST
/api/v1/reviews` both detect, read and document formats through it.

Detection tries MicroTOSCA, Kubernetes, compose, then JSON, on the text itself: the
top-level keys each format must have (`topology_template`, `apiVersion` and `kind`,
`services`), or a JSON object. `?format=` (or the page's choice) forces one. Adding a
format is a module with a reader and one `InputFormat` line below.
"""

import re
from collections.abc import Callable, Sequence
from typing import Any

from architectures import input_formats
from architectures.importers import Imported, import_compose, import_kubernetes
from architectures.importers.yaml_documents import check_sizes, load_documents
from architectures.input_formats import (
    JSON_MEDIA_TYPES,
    FormatNotRecognised,
    FormatRegistry,
    InputFormat,
    Upload,
    file_names,
    looks_like_json,
    single,
)
from architectures.microtosca import import_microtosca
from architectures.model import Architecture, ArchitectureInvalid, parse_architecture

YAML_MEDIA_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
YAML_EXTENSIONS = (".yml", ".yaml")


def load_json(text: str | bytes) -> Any:
    """JSON text as data, or `ArchitectureInvalid` saying why it is not JSON."""
    return input_formats.load_json(text, ArchitectureInvalid)


def read_architecture_json(text: str | bytes) -> Architecture:
    return parse_architecture(load_json(text))


def _single(uploads: Sequence[Upload], label: str) -> Upload:
    check_sizes(uploads)
    return single(uploads, label, ArchitectureInvalid)


def _read_json(uploads: Sequence[Upload]) -> Imported:
    upload = _single(uploads, "An architecture in JSON")
    return Imported(read_architecture_json(upload.data), "json", file_names(uploads))


def _read_microtosca(uploads: Sequence[Upload]) -> Imported:
    upload = _single(uploads, "A MicroTOSCA architecture")
    return Imported(import_microtosca(upload.data), "microtosca", file_names(uploads))


def _matches(*patterns: bytes) -> Callable[[bytes], bool]:
    compiled = [re.compile(p, re.MULTILINE) for p in patterns]
    return lambda data: all(p.search(data[:200_000]) for p in compiled)


def _key(name: bytes, *, top_level: bool = False) -> bytes:
    """A YAML (or JSON) line whose key is `name`: at the start of a line, or in a list item."""
    indent = b"" if top_level else rb"[ \t]*(?:-[ \t]+)?"
    return rb"(?:^" + indent + rb"[\"']?" + name + rb"[\"']?[ \t]*:|\"" + name + rb"\"\s*:)"


MICROTOSCA = InputFormat(
    name="microtosca",
    label="MicroTOSCA",
    media_types=YAML_MEDIA_TYPES,
    extensions=YAML_EXTENSIONS,
    sniff=_matches(
        rb"(?:" + _key(b"topology_template") + rb"|" + _key(b"tosca_definitions_version") + rb")"
    ),
    read=_read_microtosca,
    description="MicroTOSCA YAML, as the microFreshener tool writes it",
)
KUBERNETES = InputFormat(
    name="kubernetes",
    label="Kubernetes manifests",
    media_types=YAML_MEDIA_TYPES + JSON_MEDIA_TYPES,
    extensions=YAML_EXTENSIONS + (".json",),
    sniff=_matches(_key(b"apiVersion"), _key(b"kind")),
    read=import_kubernetes,
    description="Kubernetes manifests, several documents and files allowed (also the "
    "output of `helm template` or `kubectl kustomize`)",
)
COMPOSE = InputFormat(
    name="compose",
    label="Compose files",
    media_types=YAML_MEDIA_TYPES + JSON_MEDIA_TYPES,
    extensions=YAML_EXTENSIONS,
    sniff=_matches(_key(b"services", top_level=True)),
    read=import_compose,
    description="docker compose files (compose specification, versions 2 and 3); several "
    "files are merged in order, as a base file and its overrides",
)
JSON = InputFormat(
    name="json",
    label="Architecture JSON",
    media_types=JSON_MEDIA_TYPES,
    extensions=(".json",),
    sniff=looks_like_json,
    read=_read_json,
    description='Decider\'s own shape: {"components": [...], "links": [...]}',
)
REVIEW_FORMATS = FormatRegistry("architecture", MICROTOSCA, KUBERNETES, COMPOSE, JSON)


def read_review_input(
    uploads: Sequence[Upload], *, media_type: str = "", forced: str | None = None
) -> Imported:
    """The architecture in `uploads`, in the forced format or the one detected.

    Raises `FormatNotRecognised` when no format matches (a forced name unknown, or a
    media type none accepts), and `ArchitectureInvalid` with the problems of the input.
    YAML that matches no format is still read, so that a syntax error, an alias or an
    object tag is reported where it is rather than as an unknown format.
    """
    try:
        found = REVIEW_FORMATS.detect(uploads, media_type=media_type, forced=forced)
    except FormatNotRecognised:
        if not forced:
            check_sizes(uploads)
            for upload in uploads:
                load_documents(upload)
        raise
    return found.read(uploads)
