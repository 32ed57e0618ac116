"""`manage.py decompose MONOLITH`: service candidates for a monolith (JSON or CSV, or an
archive of a Python or Django project), without the server."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from architectures.decomposition.monolith import MonolithInvalid
from architectures.decomposition.options import option_problems, parse_pins
from architectures.input_formats import FormatNotRecognised, Upload
from architectures.monolith_formats import MONOLITH_FORMATS, read_monolith_input
from architectures.problems import Problem
from decider.api.decompositions import DecompositionOut
from decider.decompositions import decomposition_payload, drawing, new_decomposition
from decider.management.cli import DeciderCommand, section
from decider.models import NAME_MAX, Decomposition


class Command(DeciderCommand):
    help = "Propose service candidates for a monolith (JSON, CSV or a project archive)."
    resource = "decomposition"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("monolith", help="a Monolith JSON, CSV, .zip or .tar.gz; - reads stdin")
        parser.add_argument("--input-format", choices=MONOLITH_FORMATS.names, help="skip detection")
        parser.add_argument("--resolution", type=float, help="granularity; absent: chosen")
        parser.add_argument("--teams", type=int, help="size the candidates for this many teams")
        parser.add_argument("--pin", action="append", default=[], metavar="MODULE=CANDIDATE")
        parser.add_argument("--title", default="", help="a title for the decomposition")
        self.add_output_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["monolith"]
        upload = Upload("" if path == "-" else Path(path).name, self.read(path))
        try:
            read = read_monolith_input([upload], forced=options["input_format"])
        except FormatNotRecognised as error:
            self.refuse([Problem((), str(error))], path)
        except MonolithInvalid as invalid:
            self.refuse(invalid.problems, path)
        decomposition = self._decompose(read, options)
        self.write_diagram(options["diagram"], decomposition, drawing(decomposition))
        if options["format"] == "json":
            payload = decomposition_payload(decomposition)
            self.write_json(DecompositionOut, payload, saved=options["save"])
        else:
            self.stdout.write("\n".join(text_report(decomposition)))
        self.saved_note(decomposition, options["save"])

    def _decompose(self, read: Any, options: dict[str, Any]) -> Decomposition:
        pins, problems = parse_pins(options["pin"], at="pin")
        known = {m.name for m in read.monolith.modules}
        problems += option_problems(known, options["resolution"], pins, options["teams"])
        if problems:
            self.refuse(problems)
        decomposition = new_decomposition(
            monolith=read.monolith,
            resolution=options["resolution"],
            pins=pins,
            teams=options["teams"],
            title=options["title"][:NAME_MAX],
        )
        if options["save"]:
            decomposition.save(force_insert=True)
        return decomposition


def text_report(decomposition: Decomposition) -> list[str]:
    result = decomposition.result
    metrics = result["metrics"]
    lines = [
        f"{len(result['candidates'])} candidates for {len(decomposition.monolith['modules'])} "
        f"modules (resolution {result['resolution']:g}); structural modularity "
        f"{metrics['structural_modularity']:.3f}, inter-call percentage "
        f"{metrics['inter_call_percentage']:.3f}."
    ]
    lines += section(
        "Candidates:",
        (
            f"  {c['name']}: {len(c['modules'])} modules, owns {', '.join(c['tables']) or 'no table'}"
            for c in result["candidates"]
        ),
    )
    lines += section(
        "Shared tables:",
        (
            f"  {s['table']}: written by {', '.join(s['candidates'])}"
            for s in result["shared_tables"]
        ),
    )
    lines += section(
        "Extraction plan:",
        (f"  {i}. {s['candidate']}: {s['reason']}" for i, s in enumerate(result["plan"], 1)),
    )
    return lines
