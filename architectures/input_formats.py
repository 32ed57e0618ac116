"""Input formats, declared once: what each is called, how it is recognised, how it is read.

A registry per kind of input (reviews read architectures, decompositions read monoliths)
lists its formats in the order detection tries them, most specific first. Pages, the API
and the command line all go through a registry, so a format registered once is accepted
everywhere, and its media types and file endings are documented from the same line.
"""

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from architectures.problems import Invalid, Problem

GENERIC_MEDIA_TYPES = frozenset({"", "text/plain", "application/octet-stream"})
JSON_MEDIA_TYPES = ("application/json",)
NOT_JSON = "json_invalid"  # the problem type of a body that is not JSON at all


@dataclass(frozen=True)
class Upload:
    """One file, or pasted text (`name` empty), as it arrived."""

    name: str
    data: bytes


@dataclass(frozen=True)
class InputFormat[T]:
    name: str  # the contract value of `?format=`
    label: str  # what people see
    media_types: tuple[str, ...]  # the Content-Types the API accepts for it
    extensions: tuple[str, ...]  # file name endings the page accepts, e.g. ".yml"
    sniff: Callable[[bytes], bool]  # true when the content looks like this format
    read: Callable[[Sequence[Upload]], T]  # parse one or more files into the model
    description: str

    def named_like(self, filename: str) -> bool:
        return filename.lower().endswith(self.extensions)


def load_json(data: str | bytes, invalid: type[Invalid]) -> Any:
    """JSON text (a leading byte-order mark allowed) as data. When it is not JSON, raises
    `invalid` with one problem of type `NOT_JSON` saying why. The one place Decider reads
    JSON input: API bodies, pasted text, uploads and the examples, of every kind."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
        return json.loads(text)
    except json.JSONDecodeError as error:
        msg = f"Not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        raise invalid([Problem((), msg, NOT_JSON)]) from None
    except UnicodeDecodeError:
        raise invalid([Problem((), "Not valid JSON: not UTF-8 text.", NOT_JSON)]) from None
    except (ValueError, RecursionError):
        raise invalid([Problem((), "Not valid JSON: it is nested too deeply.", NOT_JSON)]) from None


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def single(uploads: Sequence[Upload], label: str, invalid: type[Invalid]) -> Upload:
    """The one file of a format read from one file; `label` names what it holds."""
    if len(uploads) != 1:
        msg = f"{label} is one file; got {len(uploads)}. Send them one at a time."
        raise invalid([Problem(("file",), msg, "too_long")])
    return uploads[0]


def file_names(uploads: Sequence[Upload]) -> tuple[str, ...]:
    return tuple(u.name for u in uploads if u.name)


class FormatNotRecognised(ValueError):
    """No registered format matches; the message lists the ones that would."""


class FormatRegistry[T]:
    def __init__(self, kind: str, *formats: InputFormat[T]) -> None:
        self.kind = kind
        self._formats = formats
        names = [f.name for f in formats]
        if len(set(names)) != len(names):
            raise ValueError(f"Duplicate format names in {kind}: {names}")

    def __iter__(self) -> Iterator[InputFormat[T]]:
        return iter(self._formats)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self._formats)

    @property
    def media_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for f in self._formats for t in f.media_types))

    def get(self, name: str) -> InputFormat[T]:
        for fmt in self._formats:
            if fmt.name == name:
                return fmt
        raise FormatNotRecognised(f"Unknown format '{name}': use one of {self._listed()}.")

    def detect(
        self, uploads: Sequence[Upload], *, media_type: str = "", forced: str | None = None
    ) -> InputFormat[T]:
        """The format of `uploads`: the forced one, else the only one accepting a specific
        `media_type`, else the first whose content matches among those accepting it, else
        the one their file names point to."""
        if forced:
            return self.get(forced)
        candidates = self._accepting(media_type)
        if len(candidates) == 1 and media_type not in GENERIC_MEDIA_TYPES:
            return candidates[0]  # the media type names the format: its reader says what is wrong
        for fmt in candidates:
            if all(fmt.sniff(upload.data) for upload in uploads):
                return fmt
        named = [u.name for u in uploads if u.name]
        for fmt in candidates:
            if named and all(fmt.named_like(name) for name in named):
                return fmt
        raise FormatNotRecognised(
            f"Not recognised as any {self.kind} format ({self._listed()}); "
            "name it with ?format= or choose it in the form."
        )

    def _accepting(self, media_type: str) -> list[InputFormat[T]]:
        if media_type in GENERIC_MEDIA_TYPES:
            return list(self._formats)
        accepting = [f for f in self._formats if media_type in f.media_types]
        if not accepting:
            raise FormatNotRecognised(
                f"Unsupported media type '{media_type}' for a {self.kind}: "
                f"use {', '.join(self.media_types)}."
            )
        return accepting

    def _listed(self) -> str:
        return ", ".join(f.name for f in self._formats)
