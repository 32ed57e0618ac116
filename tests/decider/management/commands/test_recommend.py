import json
from io import StringIO

import pytest
from django.core.management import call_command

from decider.models import Assessment
from tests.conftest import ANSWERS
from tests.decider.management.commands.cli import run


@pytest.fixture
def answers_file(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ANSWERS | {"project": "Billing"}))
    return path


def test_it_prints_the_verdict_factors_flips_and_warnings_for_a_person(answers_file):
    done = run("recommend", str(answers_file))
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert text.startswith("Incremental migration (microservices), confidence ")
    assert "What weighs most:" in text and "What would change the verdict:" in text
    assert "Warnings:" in text and "Remedy:" in text


def test_its_json_is_the_apis_with_no_identity_when_not_saved(answers_file):
    done = run("recommend", str(answers_file), "--format", "json")
    data = json.loads(done.stdout)
    assert data["id"] is None and data["url"] is None and data["diagram"] is None
    assert data["project"] == "Billing"
    assert data["recommendation"]["style"] == "incremental_migration"
    assert len(data["recommendation"]["options"]) == 4


def test_dash_reads_standard_input_and_bad_answers_exit_2_listing_every_problem():
    done = run("recommend", "-", stdin=json.dumps({"teams": 0, "scaling": "huge"}).encode())
    assert done.returncode == 2
    errors = done.stderr.decode()
    for field in ("teams", "scaling", "deploy_contention", "tech_diversity", "monolith_pain"):
        assert f"{field}:" in errors
    assert run("recommend", "-", stdin=b"{not json").returncode == 2
    assert run("recommend", "/no/such/file.json").returncode == 2


def test_it_writes_the_diagram_and_the_decision_record(answers_file, tmp_path):
    svg, adr = tmp_path / "out.svg", tmp_path / "out.md"
    done = run("recommend", str(answers_file), "--diagram", str(svg), "--adr", str(adr))
    assert done.returncode == 0, done.stderr
    assert svg.read_bytes().startswith(b"<?xml")
    assert adr.read_text().startswith("---\nstatus: proposed\n")
    assert "# Incremental migration for Billing" in adr.read_text()


def test_an_unknown_diagram_ending_is_bad_input(answers_file, tmp_path):
    assert run("recommend", str(answers_file), "--diagram", str(tmp_path / "x.gif")).returncode == 2


def test_a_missing_dot_exits_3(answers_file, tmp_path):
    done = run(
        "recommend", str(answers_file), "--diagram", str(tmp_path / "x.png"), path=str(tmp_path)
    )
    assert done.returncode == 3
    assert "dot" in done.stderr.decode()


def test_a_diagram_dot_fails_to_draw_is_not_a_missing_tool(answers_file, tmp_path):
    broken = tmp_path / "dot"  # a dot that is there but cannot draw
    broken.write_text("#!/bin/sh\necho 'Error: syntax error' >&2\nexit 1\n")
    broken.chmod(0o755)
    done = run(
        "recommend", str(answers_file), "--diagram", str(tmp_path / "x.png"), path=str(tmp_path)
    )
    assert done.returncode == 2
    assert "Cannot draw" in done.stderr.decode()


@pytest.mark.django_db
def test_it_saves_only_when_asked(answers_file):
    call_command("recommend", str(answers_file), stdout=StringIO(), stderr=StringIO())
    assert Assessment.objects.count() == 0
    out = StringIO()
    call_command(
        "recommend", str(answers_file), "--save", "--format", "json", stdout=out, stderr=StringIO()
    )
    data = json.loads(out.getvalue())
    saved = Assessment.objects.get()
    assert data["id"] == str(saved.pk) and saved.project == "Billing"
    assert data["diagram"]["svg"] == f"/api/v1/assessments/{saved.pk}/diagram.svg"
