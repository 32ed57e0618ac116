"""`manage.py recommend ANSWERS.json`: the recommendation for a team's answers, without the
server (see `decider.management.cli` for what the commands share)."""

import json
from typing import Any

from django.core.management.base import CommandParser
from django.utils import timezone

from architectures.problems import Problem
from decider.api.schemas import AssessmentOut
from decider.assessments import assessment_payload, drawing, new_assessment
from decider.engine import AnswersInvalid, parse_answers
from decider.management.cli import DeciderCommand, findings_lines, section
from decider.models import NAME_MAX, Assessment
from decider.proposal.adr import to_adr

TOP_FACTORS = 5


class Command(DeciderCommand):
    help = "Recommend an architecture for the answers in a JSON file (- reads stdin)."
    resource = "assessment"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("answers", help="a JSON file of answers, as the API takes them")
        self.add_output_arguments(parser)
        parser.add_argument("--adr", metavar="FILE", help="write the decision record (MADR)")
        parser.add_argument("--project", default="", help="a name for what is assessed")

    def handle(self, *args: Any, **options: Any) -> None:
        data = self._answers(options["answers"])
        project = (options["project"] or str(data.pop("project", "") or ""))[:NAME_MAX]
        try:
            answers = parse_answers(data)
        except AnswersInvalid as invalid:
            self.refuse(invalid.problems)
        assessment = new_assessment(answers=answers, project=project)
        if options["save"]:
            assessment.save(force_insert=True)
        url = assessment.get_absolute_url()
        self.write_diagram(options["diagram"], assessment, drawing(assessment, url=url))
        if options["adr"]:
            self._write_adr(options["adr"], assessment, url)
        if options["format"] == "json":
            payload = assessment_payload(assessment)
            self.write_json(AssessmentOut, payload, saved=options["save"])
        else:
            self.stdout.write("\n".join(text_report(assessment)))
        self.saved_note(assessment, options["save"])

    def _answers(self, path: str) -> dict[str, Any]:
        raw = self.read(path)
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            self.refuse([Problem((), f"Not valid JSON: {error}.")], path)
        if not isinstance(data, dict):
            self.refuse([Problem((), "The answers must be a JSON object.")], path)
        return data

    def _write_adr(self, path: str, assessment: Assessment, url: str) -> None:
        text = to_adr(
            assessment.result,
            answers=assessment.answers,
            created=assessment.created or timezone.now(),
            url=url,
            project=assessment.project,
        )
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        self.stderr.write(f"Wrote {path} (decision record).")


def text_report(assessment: Assessment) -> list[str]:
    """What a person reads: the verdict, the top factors, the flips and the warnings."""
    result = assessment.result
    rec = result["recommendation"]
    style = rec["style"].replace("_", " ")
    lines = [
        f"{style.capitalize()} ({rec['architecture']}), confidence {rec['confidence']}, "
        f"score {rec['score']:+.3f}",
        rec["summary"],
    ]
    if rec.get("robustness_summary"):
        lines.append(rec["robustness_summary"])
    top = sorted(result["factors"], key=lambda f: -abs(f["contribution"]))[:TOP_FACTORS]
    lines += section(
        "What weighs most:",
        (f"  {f['contribution']:+.3f}  {f['explanation']}" for f in top if f["contribution"]),
    )
    lines += section(
        "What would change the verdict:", (f"  - {f['description']}" for f in result["flips"])
    )
    lines += section("Warnings:", findings_lines(result["anti_patterns"]))
    return lines
