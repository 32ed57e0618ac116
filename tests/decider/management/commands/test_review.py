import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from decider.models import Review
from tests.decider.management.commands.cli import ROOT, run

CLEAN = ROOT / "fixtures" / "architectures" / "clean.json"
CYCLE = ROOT / "fixtures" / "architectures" / "sync_cycle.json"
ESHOP = ROOT / "fixtures" / "deployments" / "eshoponcontainers"


def test_it_lists_the_findings_with_their_remedies():
    done = run("review", str(CYCLE))
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert text.startswith("7 components, 8 links, ")
    assert "[high] Cyclic Dependency:" in text and "Remedy:" in text


def test_fail_on_gates_a_ci_job_on_the_worst_finding():
    assert run("review", str(CYCLE), "--fail-on", "high").returncode == 1
    assert run("review", str(CLEAN), "--fail-on", "low").returncode == 0
    done = run("review", str(CYCLE), "--fail-on", "medium")
    assert done.returncode == 1 and b"or worse" in done.stderr


def test_it_reads_a_compose_file_and_its_override_in_order():
    files = sorted(Path(ESHOP).glob("docker-compose*.yml"))
    assert len(files) == 2
    done = run("review", *map(str, files), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["source"]["format"] == "compose"
    assert data["id"] is None and len(data["architecture"]["components"]) > 10


def test_dash_reads_standard_input_and_bad_input_exits_2():
    done = run("review", "-", "--format", "json", stdin=CLEAN.read_bytes())
    assert done.returncode == 0 and json.loads(done.stdout)["anti_patterns"] == []
    bad = run("review", "-", stdin=b'{"components": [{"name": "", "kind": "robot"}]}')
    assert bad.returncode == 2
    assert b"components.0.name" in bad.stderr and b"components.0.kind" in bad.stderr


def test_it_writes_the_diagram_as_its_ending_says(tmp_path):
    target = tmp_path / "review.puml"
    assert run("review", str(CYCLE), "--diagram", str(target)).returncode == 0
    assert target.read_text().startswith("@startuml")


@pytest.mark.django_db
def test_it_saves_only_when_asked():
    call_command("review", str(CLEAN), stdout=StringIO(), stderr=StringIO())
    assert not Review.objects.exists()
    call_command(
        "review", str(CLEAN), "--save", "--title", "Shop", stdout=StringIO(), stderr=StringIO()
    )
    assert Review.objects.get().title == "Shop"
