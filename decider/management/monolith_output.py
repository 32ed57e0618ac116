"""What the two importing commands share: their options and how they write a Monolith."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from architectures.decomposition.monolith import Monolith, MonolithInvalid


def add_source_arguments(parser: CommandParser) -> None:
    parser.add_argument("--output", help="write the JSON to this file instead of stdout")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="leave out files matching GLOB (a path like shop/legacy/* or a module like "
        "shop.legacy.*); repeatable",
    )
    parser.add_argument(
        "--include-tests", action="store_true", help="keep test modules and test folders"
    )


def write_monolith(
    command: BaseCommand, options: dict[str, Any], read: Callable[[], Monolith]
) -> None:
    try:
        monolith = read()
    except MonolithInvalid as error:
        lines = [f"{'.'.join(map(str, p.loc))}: {p.msg}" for p in error.problems]
        raise CommandError("\n".join(lines)) from error
    for note in monolith.notes:
        command.stderr.write(note)
    text = json.dumps(monolith.to_dict(), indent=2) + "\n"
    if options["output"]:
        Path(options["output"]).write_text(text, encoding="utf-8")
    else:
        command.stdout.write(text, ending="")
