"""`manage.py import_python_package PATH`: print a Python package as Monolith JSON.

Call counts are import counts (grimp's import graph); `--tables mapping.json` adds table
access, `{"shop.orders": {"orders": "rw", "customers": "r"}}`, where a key also covers
the modules beneath it. The output can be posted to `/api/v1/decompositions`.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from architectures.decomposition.python_import import import_python_package
from decider.management.monolith_output import add_source_arguments, write_monolith


class Command(BaseCommand):
    help = "Print the Monolith JSON of Python packages, built from their import graph."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="folder holding one or more packages (or a package)")
        parser.add_argument("--tables", help="JSON file: module name to {table: r|w|rw}")
        add_source_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        mapping = _read_mapping(options["tables"]) if options["tables"] else None
        write_monolith(
            self,
            options,
            lambda: import_python_package(
                options["path"],
                tables=mapping,
                exclude=options["exclude"],
                include_tests=options["include_tests"],
            ),
        )


def _read_mapping(path: str) -> dict[str, Any]:
    try:
        mapping = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"Cannot read the table mapping {path}: {error}") from error
    if not isinstance(mapping, dict):
        raise CommandError("The table mapping must be a JSON object of module to tables.")
    return mapping
