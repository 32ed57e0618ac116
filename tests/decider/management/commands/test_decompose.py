import json
from io import StringIO

import pytest
from django.core.management import call_command

from decider.models import Decomposition
from tests.decider.management.commands.cli import ROOT, run

SHOP = ROOT / "fixtures" / "monoliths" / "shop.json"
BOOKSHOP = ROOT / "fixtures" / "monoliths" / "bookshop.csv"


def test_it_prints_the_candidates_the_shared_tables_and_the_plan():
    done = run("decompose", str(SHOP))
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert " candidates for 19 modules" in text
    assert "Candidates:" in text and "Extraction plan:" in text


def test_its_json_is_the_apis_and_options_apply():
    done = run("decompose", str(BOOKSHOP), "--resolution", "0.5", "--format", "json")
    data = json.loads(done.stdout)
    assert data["id"] is None and data["resolution"] == 0.5
    assert data["candidates"] and "metrics" in data


def test_bad_options_exit_2_listing_each():
    done = run("decompose", str(SHOP), "--resolution", "500", "--pin", "nonsense", "--teams", "0")
    assert done.returncode == 2
    errors = done.stderr.decode()
    assert "resolution:" in errors and "pin.0:" in errors and "teams" in errors


def test_dash_reads_standard_input():
    done = run("decompose", "-", stdin=SHOP.read_bytes())
    assert done.returncode == 0 and b"candidates" in done.stdout


def test_it_writes_every_diagram_format_the_registry_offers(tmp_path):
    for ending, start in ((".dot", b"digraph"), (".mmd", b"flowchart"), (".dsl", b"workspace")):
        target = tmp_path / f"candidates{ending}"
        assert run("decompose", str(SHOP), "--diagram", str(target)).returncode == 0
        assert target.read_bytes().startswith(start)


@pytest.mark.django_db
def test_it_saves_only_when_asked():
    call_command("decompose", str(SHOP), stdout=StringIO(), stderr=StringIO())
    assert not Decomposition.objects.exists()
    call_command("decompose", str(SHOP), "--save", stdout=StringIO(), stderr=StringIO())
    assert Decomposition.objects.count() == 1
