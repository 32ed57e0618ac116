"""The formats a decomposition reads, in one registry: `/decompose/`, `POST
/api/v1/decompositions` and the examples all detect, read and document formats through it.

Detection tries, on the content itself: a Django project in a `.zip` or `.tar.gz` (an
archive holding `manage.py`, an `apps.py` or a `models` module), Python packages in an
archive (any other archive), JSON (text starting with `{` or `[`), then CSV (any other
text, so that a malformed CSV is reported line by line rather than as an unknown
format). `?format=` (or the page's choice) forces one. Adding a format is a module with
a reader and one `InputFormat` line below.

An archive is unpacked by `extract_archive` into a temporary folder removed after
reading: only `.py` files, within limits on entries, size and expansion, links refused.
Nothing unpacked is imported or run: the readers parse it with `ast` and grimp.
"""

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from architectures import input_formats
from architectures.decomposition.archive import archive_kind, archive_names, extract_archive
from architectures.decomposition.csv_input import parse_csv
from architectures.decomposition.django_project import django_monolith
from architectures.decomposition.monolith import (
    NOTES_MAX,
    Monolith,
    MonolithInvalid,
    Problem,
    parse_monolith,
)
from architectures.decomposition.options import Options, option_problems, read_options
from architectures.decomposition.python_import import python_monolith
from architectures.decomposition.source_tree import SourceTree, read_source_tree
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

CSV_MEDIA_TYPES = ("text/csv", "application/csv")
ARCHIVE_MEDIA_TYPES = (
    "application/zip",
    "application/x-zip-compressed",
    "application/gzip",
    "application/x-gzip",
    "application/x-compressed-tar",
    "application/x-gtar",
)
ARCHIVE_EXTENSIONS = (".zip", ".tar.gz", ".tgz")
# Entries that make an archive a Django project rather than plain packages.
DJANGO_FILES = frozenset({"manage.py", "apps.py", "models.py"})


@dataclass(frozen=True)
class MonolithInput:
    """A monolith as read, with the options its input carried (a JSON body may hold
    `resolution`, `pins` and `teams` beside `modules`; other formats carry none)."""

    monolith: Monolith
    format: str
    options: Options | None = None
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class MonolithRequest(Options, Monolith):
    """A Monolith with the options to decompose it: the JSON body of `POST
    /api/v1/decompositions`. Declared for its schema; `parse_request` reads it."""


def load_json(data: str | bytes) -> Any:
    """JSON text as data, or `MonolithInvalid` saying why it is not JSON."""
    return input_formats.load_json(data, MonolithInvalid)


def parse_request(data: Any) -> tuple[Monolith, Options]:
    """A Monolith and the options beside its `modules`; raises `MonolithInvalid` naming
    every problem found, the options' too."""
    raw = data if isinstance(data, dict) else {}
    try:
        monolith = parse_monolith(data)
    except MonolithInvalid as invalid:
        more = option_problems(None, raw.get("resolution"), raw.get("pins", {}), raw.get("teams"))
        raise MonolithInvalid(invalid.problems + more) from None
    return monolith, read_options(raw, {m.name for m in monolith.modules})


def _single(uploads: Sequence[Upload], label: str) -> Upload:
    return single(uploads, label, MonolithInvalid)


def _read_json(uploads: Sequence[Upload]) -> MonolithInput:
    monolith, options = parse_request(load_json(_single(uploads, "A monolith in JSON").data))
    return MonolithInput(monolith, "json", options, file_names(uploads))


def _read_csv(uploads: Sequence[Upload]) -> MonolithInput:
    upload = _single(uploads, "A monolith in CSV")
    try:
        text = upload.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MonolithInvalid([Problem((), "The file is not UTF-8 text.", "unicode")]) from None
    return MonolithInput(parse_csv(text), "csv", None, file_names(uploads))


def _project_reader(
    name: str, build: Callable[[SourceTree], Monolith]
) -> Callable[[Sequence[Upload]], MonolithInput]:
    def read(uploads: Sequence[Upload]) -> MonolithInput:
        upload = _single(uploads, "A project archive")
        source = upload.name or "the body"
        with tempfile.TemporaryDirectory(prefix="decider-archive-") as folder:
            written = extract_archive(upload.data, Path(folder))
            try:
                monolith = build(read_source_tree(folder))
            except MonolithInvalid as invalid:
                raise _named(invalid, folder, source) from None
        note = f"Unpacked {written:,} Python files from {source}; other files were not written."
        notes = (note, *monolith.notes)[:NOTES_MAX]
        return MonolithInput(Monolith(monolith.modules, notes), name, None, file_names(uploads))

    return read


def _named(invalid: MonolithInvalid, folder: str, source: str) -> MonolithInvalid:
    """The problems with the temporary folder's path replaced by the archive's name."""
    return MonolithInvalid(
        [
            Problem(
                ("archive",),
                p.msg.replace(str(Path(folder).resolve()), source).replace(folder, source),
                p.type,
            )
            for p in invalid.problems
        ]
    )


def _other_text(data: bytes) -> bool:
    return archive_kind(data) is None and not looks_like_json(data)


def _django_archive(data: bytes) -> bool:
    names = archive_names(data) or []
    return any(PurePosixPath(n).name in DJANGO_FILES or "/models/" in n for n in names)


def _archive(data: bytes) -> bool:
    return archive_kind(data) is not None


DJANGO = InputFormat(
    name="django",
    label="Django project (.zip or .tar.gz)",
    media_types=ARCHIVE_MEDIA_TYPES,
    extensions=ARCHIVE_EXTENSIONS,
    sniff=_django_archive,
    read=_project_reader("django", django_monolith),
    description="a .zip or .tar.gz of a Django project or app, read from its source: "
    "models and their tables, ORM reads and writes, imports and loads by name",
)
PYTHON = InputFormat(
    name="python",
    label="Python packages (.zip or .tar.gz)",
    media_types=ARCHIVE_MEDIA_TYPES,
    extensions=ARCHIVE_EXTENSIONS,
    sniff=_archive,
    read=_project_reader("python", python_monolith),
    description="a .zip or .tar.gz of one or more Python packages (a wheel too): the "
    "import graph, with import counts as call counts",
)
JSON = InputFormat(
    name="json",
    label="Monolith JSON",
    media_types=JSON_MEDIA_TYPES,
    extensions=(".json",),
    sniff=looks_like_json,
    read=_read_json,
    description='Decider\'s own shape: {"modules": [{"name", "tables", "calls", "loc"}]}, '
    "with `resolution`, `pins` and `teams` beside `modules` if wanted",
)
CSV = InputFormat(
    name="csv",
    label="CSV",
    media_types=CSV_MEDIA_TYPES,
    extensions=(".csv",),
    sniff=_other_text,
    read=_read_csv,
    description="a `source,target,count` section of calls and a `module,table,mode` "
    "section of table accesses",
)
MONOLITH_FORMATS = FormatRegistry("monolith", DJANGO, PYTHON, JSON, CSV)


def read_monolith_input(
    uploads: Sequence[Upload], *, media_type: str = "", forced: str | None = None
) -> MonolithInput:
    """The monolith in `uploads`, in the forced format, else the only one `media_type`
    names, else the one detected from the content.

    Raises `FormatNotRecognised` when no format matches (a forced name unknown, or a
    media type none accepts), and `MonolithInvalid` with the problems of the input.
    """
    if not uploads:
        raise MonolithInvalid([Problem((), "Send a monolith or a project archive.", "missing")])
    found = MONOLITH_FORMATS.detect(uploads, media_type=media_type, forced=forced)
    return found.read(uploads)


__all__ = [
    "MONOLITH_FORMATS",
    "FormatNotRecognised",
    "MonolithInput",
    "MonolithRequest",
    "Upload",
    "load_json",
    "parse_request",
    "read_monolith_input",
]
