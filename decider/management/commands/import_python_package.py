"""`manage.py import_python_package PATH`: print a Python package as Monolith JSON.

Call counts are import counts (grimp's import graph); `--tables mapping.json` adds table
access, `{"shop.orders": {"orders": "rw", "customers": "r"}}`, where a key also covers
the modules beneath it. The output can be posted to `/api/v1/decompositions`.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from architectures.decomposition.monolith import MonolithInvalid
from architectures.decomposition.python_import import import_python_package


class Command(BaseCommand):
    help = "Print the Monolith JSON of a Python package, built from its import graph."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="directory of the package (it holds __init__.py)")
        parser.add_argument("--tables", help="JSON file: module name to {table: r|w|rw}")
        parser.add_argument("--output", help="write the JSON to this file instead of stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        mapping = _read_mapping(options["tables"]) if options["tables"] else None
        try:
            monolith = import_python_package(options["path"], tables=mapping)
        except MonolithInvalid as error:
            lines = [f"{'.'.join(map(str, p.loc))}: {p.msg}" for p in error.problems]
            raise CommandError("\n".join(lines)) from error
        text = json.dumps(monolith.to_dict(), indent=2) + "\n"
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")


def _read_mapping(path: str) -> dict[str, Any]:
    try:
        mapping = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"Cannot read the table mapping {path}: {error}") from error
    if not isinstance(mapping, dict):
        raise CommandError("The table mapping must be a JSON object of module to tables.")
    return mapping
