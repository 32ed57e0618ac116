"""What the `recommend`, `review` and `decompose` commands share.

They work without the server and write nothing to the database unless `--save`. `-` reads
standard input. The text output is for a person at a terminal; the JSON output is the
API's, through the same schema (unsaved, the fields that name a saved result are null).
Exit codes: 0 done, 1 a `--fail-on` finding, 2 bad input (every problem listed on
stderr; a diagram `dot` fails to draw is one), 3 a rendering tool (`dot`) missing.
"""

import json
import sys
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from ninja import Schema

from architectures.problems import Problem
from architectures.render import DotMissing, RenderError
from decider.diagrams import render_export
from decider.exports import Drawing, Export, diagram_exports
from decider.models import Saved

BAD_INPUT, TOOL_MISSING = 2, 3
IDENTITY = ("id", "url", "created", "diagram", "microtosca", "adr", "compare")


class DeciderCommand(BaseCommand):
    resource: str  # the kind of saved result the command makes

    def add_output_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=("text", "json"), default="text")
        endings = ", ".join(f".{e.extension}" for e in diagram_exports(self.resource))
        parser.add_argument(
            "--diagram", metavar="FILE", help=f"write the diagram; its ending says how: {endings}"
        )
        parser.add_argument("--save", action="store_true", help="save it, with a permalink")

    def read(self, path: str) -> bytes:
        if path == "-":
            return sys.stdin.buffer.read()
        try:
            return Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}", returncode=BAD_INPUT) from None

    def refuse(self, problems: Iterable[Problem], source: str = "") -> None:
        lines = [f"{'.'.join(map(str, p.loc)) or source or 'input'}: {p.msg}" for p in problems]
        raise CommandError("\n".join(lines) or "The input cannot be read.", returncode=BAD_INPUT)

    def write_diagram(self, path: str | None, saved: Saved, drawing: Drawing) -> None:
        if not path:
            return
        export = _export_for(path, self.resource)
        try:
            body = render_export(drawing, export, self.resource)
        except DotMissing as error:
            raise CommandError(f"Cannot draw {path}: {error}", returncode=TOOL_MISSING) from None
        except RenderError as error:
            raise CommandError(f"Cannot draw {path}: {error}", returncode=BAD_INPUT) from None
        Path(path).write_bytes(body)
        self.stderr.write(f"Wrote {path} ({export.label}).")

    def write_json(self, schema: type[Schema], payload: dict[str, Any], *, saved: bool) -> None:
        if not saved:  # a stand-in identity, so the schema reads it; shown as null
            payload = payload | {"id": uuid.uuid4(), "created": datetime.now(UTC)}
        data = schema.model_validate(payload).model_dump(mode="json")
        if not saved:
            data |= {key: None for key in IDENTITY if key in data}
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))

    def saved_note(self, saved: Saved, save: bool) -> None:
        if save:
            self.stderr.write(f"Saved: {saved.get_absolute_url()}")


def _export_for(path: str, resource: str) -> Export:
    offered = diagram_exports(resource)
    for export in sorted(offered, key=lambda e: -len(e.extension)):
        if path.lower().endswith(f".{export.extension}"):
            return export
    endings = ", ".join(f".{e.extension}" for e in offered)
    raise CommandError(f"{path}: a diagram file ends with {endings}.", returncode=BAD_INPUT)


def section(title: str, lines: Iterable[str]) -> list[str]:
    body = list(lines)
    return ["", title, *body] if body else []


def findings_lines(findings: list[dict[str, Any]]) -> list[str]:
    return [
        f"  [{f['severity']}] {f['name']}: {f['message']}\n      Remedy: {f['remedy']}"
        for f in findings
    ]
