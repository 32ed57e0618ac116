"""`manage.py import_django_project PATH`: print a Django project as Monolith JSON.

Read statically (`architectures.decomposition.django_project`): no code of the project is
imported or run and its settings are not needed. What was left out or approximated is
in the output's `notes`, and printed on stderr. The output can be posted to
`/api/v1/decompositions`.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from architectures.decomposition.django_project import import_django_project
from decider.management.monolith_output import add_source_arguments, write_monolith


class Command(BaseCommand):
    help = (
        "Print the Monolith JSON of a Django project: apps, models, tables, reads, writes, calls."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="folder holding the project's packages (or a package)")
        add_source_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        write_monolith(
            self,
            options,
            lambda: import_django_project(
                options["path"], exclude=options["exclude"], include_tests=options["include_tests"]
            ),
        )
