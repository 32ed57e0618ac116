"""Reading uploaded YAML safely: plain data only, no aliases, bounded in size.

Every YAML input of a review (MicroTOSCA, compose files, Kubernetes manifests) goes
through here. Tags that build objects are refused by PyYAML's safe loader; aliases are
refused too, because a few hundred bytes of nested aliases expand to gigabytes ("billion
laughs") and none of these formats needs them. JSON is YAML, so JSON files read here too.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from architectures.input_formats import Upload
from architectures.problems import Problem

from .records import DeploymentInvalid

MAX_BYTES = 1_000_000  # one file
MAX_TOTAL_BYTES = 2_000_000  # all the files of one review
MAX_FILES = 20
MAX_DOCUMENTS = 2_000
ALIAS_MESSAGE = (
    "aliases (*name) are not accepted; expand them first "
    "(`docker compose config` or `kubectl kustomize` prints the file without them)"
)


@dataclass(frozen=True)
class Document:
    file: str  # the upload's name, empty for pasted text
    index: int  # its position in the file, from 0
    data: Any
    of: int  # how many documents the file holds


class NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, ALIAS_MESSAGE, event.start_mark)
        return super().compose_node(parent, index)


def check_sizes(uploads: Sequence[Upload]) -> None:
    """Refuse too many files, or files too large, before anything parses them."""
    if not uploads:
        raise DeploymentInvalid([Problem(("file",), "Nothing to read: send a file.", "missing")])
    if len(uploads) > MAX_FILES:
        msg = f"At most {MAX_FILES} files at once, got {len(uploads)}."
        raise DeploymentInvalid([Problem(("file",), msg, "too_long")])
    problems = [
        Problem(_file_loc(u.name), f"At most {MAX_BYTES:,} bytes, got {len(u.data):,}.", "too_long")
        for u in uploads
        if len(u.data) > MAX_BYTES
    ]
    total = sum(len(u.data) for u in uploads)
    if not problems and total > MAX_TOTAL_BYTES:
        msg = f"At most {MAX_TOTAL_BYTES:,} bytes in all, got {total:,}."
        problems.append(Problem(("file",), msg, "too_long"))
    if problems:
        raise DeploymentInvalid(problems)


def load_documents(upload: Upload) -> list[Document]:
    """Every document of the upload, empty documents left out."""
    try:
        found = [d for d in yaml.load_all(upload.data, Loader=NoAliasLoader) if d is not None]  # noqa: S506
    except yaml.MarkedYAMLError as error:
        raise DeploymentInvalid([syntax_problem(error, upload.name)]) from None
    except (yaml.YAMLError, RecursionError, ValueError) as error:
        # ValueError: an integer past Python's digit limit, among others.
        msg = (
            "Not readable YAML: it is nested too deeply."
            if isinstance(error, RecursionError)
            else f"Not readable YAML: {error}"
        )
        raise DeploymentInvalid([Problem((*_file_loc(upload.name), "yaml"), msg, "yaml")]) from None
    if len(found) > MAX_DOCUMENTS:
        msg = f"At most {MAX_DOCUMENTS:,} documents in a file, got more."
        raise DeploymentInvalid([Problem(_file_loc(upload.name), msg, "too_long")])
    return [Document(upload.name, i, data, len(found)) for i, data in enumerate(found)]


def syntax_problem(error: yaml.MarkedYAMLError, file: str = "") -> Problem:
    mark = error.problem_mark or error.context_mark
    what = error.problem or error.context or "invalid YAML"
    if mark is None:
        return Problem((*_file_loc(file), "yaml"), f"Invalid YAML: {what}.", "yaml_syntax")
    line, column = mark.line + 1, mark.column + 1
    msg = f"Invalid YAML at line {line}, column {column}: {what}."
    return Problem((*_file_loc(file), "yaml", line, column), msg, "yaml_syntax")


def _file_loc(name: str) -> tuple[str, ...]:
    return (name,) if name else ()
