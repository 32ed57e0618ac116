"""Unpack an uploaded `.zip` or `.tar.gz` of a project into a folder, refusing what is
hostile, so that `source_tree` can read it. Nothing unpacked is ever run.

Refused, with a message naming the entry: an entry whose path is absolute, climbs out
with `..`, or names a drive; a symbolic or hard link, a device or a pipe; more than
`files` entries; more than `total_bytes` once unpacked, counted both as declared and as
actually read (a declared size cannot lie its way past the limit); and an expansion
beyond `ratio` times the archive's own size (a zip bomb). Only Python files are
written (templates and static files are not needed to read the code), each as a plain
file without execute permission.
"""

import io
import lzma
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

from architectures.decomposition.monolith import MonolithInvalid, Problem

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 64 * 1024
# Long names and pax attributes are read whole into memory before any limit sees the
# entry they describe; a path needs a few KiB at most.
EXTENDED_HEADER_BYTES = 64 * 1024
# Everything zipfile, tarfile and their decompressors raise for a damaged, encrypted or
# exotic archive (bad name encodings, unknown methods, corrupt streams, bad offsets).
UNREADABLE = (
    zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, ValueError, RuntimeError,
    NotImplementedError, zlib.error, lzma.LZMAError,
)  # fmt: skip


@dataclass(frozen=True)
class ArchiveLimits:
    files: int = 20_000
    total_bytes: int = 256 * 2**20
    # Source code compresses about 4 to 6 times; a hundred times is a bomb.
    ratio: int = 100


def archive_kind(data: bytes) -> str | None:
    """`zip`, `tar.gz`, or None when `data` is neither."""
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(GZIP_MAGIC):
        return "tar.gz"
    return None


def extract_archive(
    data: bytes, target: Path, *, limits: ArchiveLimits = ArchiveLimits(), kind: str | None = None
) -> int:
    """Write the Python files of the archive `data` under `target`; return how many.
    Raises `MonolithInvalid` for a refused or unreadable archive."""
    kind = kind or archive_kind(data)
    if kind not in ("zip", "tar.gz"):
        raise _refuse("Not a .zip or .tar.gz archive.")
    budget = _Budget(limits, len(data))
    try:
        entries = _zip_entries(data) if kind == "zip" else _tar_entries(data)
        return _write(entries, target.resolve(), budget)
    except MonolithInvalid:
        raise
    except UNREADABLE as error:
        raise _refuse(f"The archive cannot be read: {_without(target, error)}.") from None


def archive_names(data: bytes, *, limits: ArchiveLimits = ArchiveLimits()) -> list[str] | None:
    """The names of the archive's entries, read within the same limits as extracting it
    (nothing is written); None when it is not an archive, cannot be read, or is refused."""
    kind = archive_kind(data)
    if kind is None:
        return None
    budget = _Budget(limits, len(data))
    names = []
    try:
        for entry in _zip_entries(data) if kind == "zip" else _tar_entries(data):
            budget.admit(entry)
            names.append(entry.name)
    except (MonolithInvalid, *UNREADABLE):
        return None
    return names


@dataclass
class _Entry:
    name: str
    size: int  # as declared
    kind: str  # "file", "folder" or what else it is
    open: Callable[[], IO[bytes] | None]  # the entry's content, for files


class _Budget:
    def __init__(self, limits: ArchiveLimits, packed: int) -> None:
        self.limits = limits
        self.packed = max(packed, 1)
        self.entries = 0
        self.declared = 0
        self.read = 0

    def admit(self, entry: _Entry) -> None:
        self.entries += 1
        if self.entries > self.limits.files:
            raise _refuse(f"More than {self.limits.files:,} entries in the archive.")
        self.declared += max(entry.size, 0)
        self._check(self.declared, entry.name)

    def count(self, size: int, name: str) -> None:
        self.read += size
        self._check(self.read, name)

    def _check(self, total: int, name: str) -> None:
        limit = self.limits.total_bytes
        if total > limit:
            raise _refuse(f"Unpacked, the archive exceeds {limit // 2**20:,} MiB (at {name}).")
        if total > self.limits.ratio * self.packed and total > CHUNK:
            raise _refuse(
                f"The archive expands more than {self.limits.ratio} times its size "
                f"(at {name}): refused as a possible zip bomb."
            )


def _zip_entries(data: bytes) -> Iterator[_Entry]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    for info in archive.infolist():
        if stat.S_ISLNK(info.external_attr >> 16):
            kind = "symbolic link"
        else:
            kind = "folder" if info.is_dir() else "file"
        yield _Entry(info.filename, info.file_size, kind, partial(archive.open, info))


class _BoundedTarInfo(tarfile.TarInfo):
    """A tar header that refuses an outsized long name or pax block before it is read."""

    def _proc_member(self, tarfile_: tarfile.TarFile) -> tarfile.TarInfo:
        if self.type in _EXTENDED_HEADERS and self.size > EXTENDED_HEADER_BYTES:
            raise _refuse(
                f"A name or attribute header of {self.size:,} bytes: refused "
                f"(over {EXTENDED_HEADER_BYTES // 1024} KiB)."
            )
        return super()._proc_member(tarfile_)


_EXTENDED_HEADERS = (tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK, tarfile.XHDTYPE,
                     tarfile.XGLTYPE, tarfile.SOLARIS_XHDTYPE)  # fmt: skip


def _tar_entries(data: bytes) -> Iterator[_Entry]:
    # Names that are not UTF-8 become U+FFFD rather than surrogates, which no page can show.
    with tarfile.open(
        fileobj=io.BytesIO(data), mode="r:gz", tarinfo=_BoundedTarInfo, errors="replace"
    ) as archive:
        for member in archive:
            yield _Entry(
                member.name, member.size, _tar_kind(member), partial(archive.extractfile, member)
            )


def _tar_kind(member: tarfile.TarInfo) -> str:
    if member.issym() or member.islnk():
        return "link"
    if member.isdir():
        return "folder"
    return "file" if member.isfile() else "device or pipe"


def _write(entries: Iterator[_Entry], target: Path, budget: _Budget) -> int:
    written = 0
    for entry in entries:
        budget.admit(entry)
        path = _safe_path(target, entry.name)
        if entry.kind not in ("file", "folder"):
            raise _refuse(f"{entry.name} is a {entry.kind}: links and devices are refused.")
        if entry.kind == "folder" or not entry.name.endswith(".py"):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        source = entry.open()
        if source is None:
            continue
        with source, open(path, "wb") as sink:
            _copy(source, sink, budget, entry.name)
        path.chmod(0o644)
        written += 1
    return written


def _safe_path(target: Path, name: str) -> Path:
    if "\x00" in name:
        raise _refuse(f"{name!r} holds a NUL character, which no file name can: refused.")
    relative = PurePosixPath(name.replace("\\", "/"))
    parts = relative.parts
    if relative.is_absolute() or ".." in parts or (parts and ":" in parts[0]):
        raise _refuse(f"{name} would be written outside the folder: refused.")
    path = (target / relative).resolve()
    if not path.is_relative_to(target):
        raise _refuse(f"{name} would be written outside the folder: refused.")
    return path


def _copy(source: IO[bytes], sink: IO[bytes], budget: _Budget, name: str) -> None:
    while chunk := source.read(CHUNK):
        budget.count(len(chunk), name)
        sink.write(chunk)


def _without(folder: Path, error: Exception) -> str:
    """The error's text without the temporary folder's path, which means nothing to users."""
    return str(error).replace(f"{folder.resolve()}/", "").replace(f"{folder}/", "")


def _refuse(message: str) -> MonolithInvalid:
    return MonolithInvalid([Problem(("archive",), message)])
