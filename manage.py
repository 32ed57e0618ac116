#!/usr/bin/env python
import os
import sys

# Commands that read files and print or write results: they serve nothing, so they need no
# production secret key (settings ask for one whenever debug is off).
OFFLINE_COMMANDS = (
    "import_python_package",
    "import_django_project",
    "recommend",
    "review",
    "decompose",
)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "decider.settings")
    if len(sys.argv) > 1 and sys.argv[1] in OFFLINE_COMMANDS:
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
