"""`manage.py review FILE...`: the anti-patterns in an architecture, read from an
Architecture JSON, MicroTOSCA, compose files or Kubernetes manifests, without the server.
With `--fail-on`, a CI job can gate on the findings the way it gates on a linter's."""

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

from architectures.antipatterns import Severity
from architectures.input_formats import FormatNotRecognised, Upload
from architectures.model import ArchitectureInvalid
from architectures.problems import Problem
from architectures.review_formats import REVIEW_FORMATS, read_review_input
from decider.api.reviews import ReviewOut
from decider.management.cli import DeciderCommand, findings_lines, section
from decider.models import NAME_MAX, Review
from decider.reviews import drawing, new_review, review_payload

FAILED = 1


class Command(DeciderCommand):
    help = (
        "Review an architecture: JSON, MicroTOSCA, compose files (several, in order) or "
        "Kubernetes manifests; - reads stdin."
    )
    resource = "review"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--input-format", choices=REVIEW_FORMATS.names, help="skip detection")
        self.add_output_arguments(parser)
        parser.add_argument(
            "--fail-on",
            choices=[str(s) for s in reversed(Severity)],
            help="exit 1 when a finding of this severity or worse is present",
        )
        parser.add_argument("--title", default="", help="a title for the review")

    def handle(self, *args: Any, **options: Any) -> None:
        uploads = [Upload("" if f == "-" else Path(f).name, self.read(f)) for f in options["files"]]
        try:
            imported = read_review_input(uploads, forced=options["input_format"])
        except FormatNotRecognised as error:
            self.refuse([Problem((), str(error))])
        except ArchitectureInvalid as invalid:
            self.refuse(invalid.problems)
        review = new_review(imported=imported, title=options["title"][:NAME_MAX])
        if options["save"]:
            review.save(force_insert=True)
        self.write_diagram(options["diagram"], review, drawing(review))
        if options["format"] == "json":
            self.write_json(ReviewOut, review_payload(review), saved=options["save"])
        else:
            self.stdout.write("\n".join(text_report(review)))
        self.saved_note(review, options["save"])
        self._gate(review, options["fail_on"])

    def _gate(self, review: Review, fail_on: str | None) -> None:
        if not fail_on:
            return
        bar = Severity(fail_on).rank
        worst = [f for f in review.result["anti_patterns"] if Severity(f["severity"]).rank >= bar]
        if worst:
            names = ", ".join(sorted({f["name"] for f in worst}))
            raise CommandError(
                f"{len(worst)} finding(s) at {fail_on} or worse: {names}.", returncode=FAILED
            )


def text_report(review: Review) -> list[str]:
    components = review.architecture["components"]
    findings = review.result["anti_patterns"]
    lines = [
        f"{len(components)} components, {len(review.architecture['links'])} links, {len(findings)} finding(s)."
    ]
    lines += section("Findings:", findings_lines(findings))
    warnings = review.result.get("warnings", [])
    lines += section("What the import noticed:", (f"  - {w['message']}" for w in warnings))
    return lines
