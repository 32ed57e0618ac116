import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from architectures.decomposition import parse_monolith
from decider.decomposition_forms import DEFAULT_STEP
from decider.decompositions import create_decomposition
from decider.models import Decomposition
from tests.project_archives import locallibrary_files, zipped

pytestmark = pytest.mark.django_db

MONOLITHS = Path(__file__).resolve().parents[3] / "fixtures" / "monoliths"
SHOP = (MONOLITHS / "shop.json").read_text()
HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def saved() -> Decomposition:
    return create_decomposition(monolith=parse_monolith(json.loads(SHOP)), resolution=1.0)


def test_the_page_offers_a_text_box_an_upload_a_slider_pins_and_examples(client):
    response = client.get("/decompose/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="monolith"' in html and 'type="file"' in html
    assert 'type="range"' in html and f'value="{DEFAULT_STEP}"' in html
    assert "fewer, larger services" in html and "more, smaller services" in html
    assert 'name="pins"' in html
    assert 'href="/decompose/?example=shop"' in html
    assert 'hx-indicator="#decompose-busy"' in html and "Decomposing…" in html
    assert 'href="/decompose/"' in html  # the nav link
    assert "<code>POST /api/v1/decompositions</code>" in html


def test_an_example_loads_into_the_text_box(client):
    html = client.get("/decompose/?example=back_office").content.decode()
    assert "accounting.journal_entry_service" in html
    assert "<html" in html


def test_htmx_gets_only_the_form_with_the_example_and_the_response_varies(client):
    response = client.get("/decompose/?example=shop", headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html and html.lstrip().startswith('<form id="decompose-form"')
    assert "catalog.products" in html
    assert "HX-Request" in response["Vary"]


def test_submitting_without_javascript_saves_and_redirects_to_the_permalink(client):
    response = client.post("/decompose/", {"monolith": SHOP, "granularity": "2", "pins": ""})
    saved = Decomposition.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/decompositions/{saved.pk}/"
    assert saved.options["resolution"] == 0.2


def test_submitting_with_htmx_redirects_the_browser(client):
    data = {"monolith": SHOP, "granularity": str(DEFAULT_STEP)}
    response = client.post("/decompose/", data, headers=HTMX)
    assert response["HX-Redirect"] == Decomposition.objects.get().get_absolute_url()


def test_an_uploaded_csv_file_replaces_the_text_box(client):
    upload = SimpleUploadedFile("bookshop.csv", (MONOLITHS / "bookshop.csv").read_bytes())
    response = client.post(
        "/decompose/", {"monolith": "", "file": upload, "granularity": str(DEFAULT_STEP)}
    )
    assert response.status_code == 302
    assert Decomposition.objects.get().monolith["modules"][0]["name"] == "web.book_page"


def test_errors_are_listed_beside_the_input_and_what_was_typed_is_kept(client):
    typed = '{"modules": [{"name": "a", "calls": {"ghost": 1}, "tables": {"t": "x"}}]}'
    response = client.post(
        "/decompose/", {"monolith": typed, "granularity": "4", "pins": "a = core\nno sign"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert Decomposition.objects.count() == 0
    assert 'id="problems-monolith"' in html
    assert "<code>modules[0].calls.ghost</code> Unknown module &#x27;ghost&#x27;." in html
    assert "<code>modules[0].tables.t</code>" in html
    assert "<code>pins line 2</code>" in html
    assert "&quot;ghost&quot;" in html  # the text box keeps the input
    assert "a = core" in html
    assert 'value="4"' in html


def test_htmx_errors_come_back_as_the_form_alone(client):
    response = client.post("/decompose/", {"monolith": "source,target,count\na,b,x"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<code>line 2</code>" in html


def test_a_pin_to_an_unknown_module_is_shown_beside_the_pins(client):
    data = {"monolith": SHOP, "granularity": str(DEFAULT_STEP), "pins": "nowhere = x"}
    html = client.post("/decompose/", data).content.decode()
    assert 'id="problems-pins"' in html and "Unknown module &#x27;nowhere&#x27;." in html


def test_an_uploaded_file_that_is_not_text_is_a_problem_not_a_crash(client):
    upload = SimpleUploadedFile("x.json", b"\xff\xfe\x00bad")
    response = client.post("/decompose/", {"file": upload, "granularity": "6"})
    assert response.status_code == 200
    assert "not UTF-8 text" in response.content.decode()


def test_the_permalink_shows_candidates_metrics_shared_tables_plan_and_diagram(client, saved):
    html = client.get(saved.get_absolute_url()).content.decode()
    assert f'<span id="candidate-count">{len(saved.result["candidates"])}</span>' in html
    for candidate in saved.result["candidates"]:
        assert candidate["name"] in html
    assert "Structural modularity (SM)" in html and "higher is better" in html
    assert "Inter-call percentage (ICP)" in html and "lower is better" in html
    assert "ln(count) + 1" in html
    assert 'id="shared-tables"' in html and "order_status_history" in html
    assert "Extract catalog" in html and "Calls that become API calls or events" in html
    assert "as what remains of the monolith" in html
    assert '<div class="diagram readable-' in html and "<svg" in html
    for fmt in ("svg", "png", "pdf", "dot", "mmd", "puml"):
        assert f"/api/v1/decompositions/{saved.pk}/diagram.{fmt}" in html
    assert f'hx-post="/decompositions/{saved.pk}/rerun/"' in html
    assert f'action="/decompositions/{saved.pk}/rerun/"' in html


def test_the_permalink_explains_when_the_diagram_cannot_be_drawn(client, saved, monkeypatch):
    from architectures.render import DotMissing
    from decider import diagrams

    def fail(dot, fmt):
        raise DotMissing("no dot")

    monkeypatch.setattr(diagrams, "render", fail)
    response = client.get(saved.get_absolute_url())
    assert response.status_code == 200
    assert "The diagram cannot be drawn right now" in response.content.decode()


def test_an_unknown_decomposition_is_a_404(client):
    assert client.get("/decompositions/6f1c1cde-52e3-4a41-a1a4-07a1a36b41a7/").status_code == 404


def test_the_slider_without_javascript_redirects_to_the_new_decomposition(client, saved):
    response = client.post(f"/decompositions/{saved.pk}/rerun/", {"granularity": "2"})
    new = Decomposition.objects.exclude(pk=saved.pk).get()
    assert response.status_code == 302
    assert response["Location"] == new.get_absolute_url()
    assert len(new.result["candidates"]) < len(saved.result["candidates"])
    assert new.monolith == saved.monolith


def test_the_slider_with_htmx_gets_the_result_partial_and_its_title_and_pushes_its_url(
    client, saved
):
    response = client.post(f"/decompositions/{saved.pk}/rerun/", {"granularity": "2"}, headers=HTMX)
    new = Decomposition.objects.exclude(pk=saved.pk).get()
    html = response.content.decode()
    count = len(new.result["candidates"])
    assert response.status_code == 200
    # htmx replaces the page's title with a <title> at the top level of the response.
    title, rest = html.split("\n", 1)
    assert title == f"<title>{count} service candidates · Decider</title>"
    assert "<html" not in html and rest.lstrip().startswith('<div id="decomposition"')
    assert response["HX-Push-Url"] == new.get_absolute_url()
    assert "HX-Request" in response["Vary"]
    assert f'<span id="candidate-count">{len(new.result["candidates"])}</span>' in html


def test_moving_the_slider_back_reuses_the_first_decomposition(client, saved):
    client.post(f"/decompositions/{saved.pk}/rerun/", {"granularity": "2"})
    back = client.post(f"/decompositions/{saved.pk}/rerun/", {"granularity": str(DEFAULT_STEP)})
    assert back["Location"] == saved.get_absolute_url()
    assert Decomposition.objects.count() == 2


def test_bad_pins_on_a_rerun_are_shown_and_nothing_is_saved(client, saved):
    data = {"granularity": "2", "pins": "ghost = x"}
    page = client.post(f"/decompositions/{saved.pk}/rerun/", data).content.decode()
    assert "Unknown module &#x27;ghost&#x27;." in page and "<html" in page
    assert "ghost = x" in page
    partial = client.post(f"/decompositions/{saved.pk}/rerun/", data, headers=HTMX)
    assert "<html" not in partial.content.decode()
    assert "HX-Push-Url" not in partial
    assert Decomposition.objects.count() == 1


def test_the_rerun_only_accepts_post(client, saved):
    assert client.get(f"/decompositions/{saved.pk}/rerun/").status_code == 405


def test_a_django_project_archive_decomposes_from_its_source(client):
    upload = SimpleUploadedFile("locallibrary.zip", zipped(locallibrary_files()))
    response = client.post("/decompose/", {"monolith": "", "file": upload})
    saved = Decomposition.objects.get()
    assert response.status_code == 302
    assert "catalog.models" in {m["name"] for m in saved.monolith["modules"]}
    html = client.get(saved.get_absolute_url()).content.decode()
    assert 'id="notes"' in html and "Unpacked 19 Python files from locallibrary.zip" in html
    assert "Found 1 apps and 5 models" in html


def test_a_hostile_archive_is_refused_beside_the_upload(client):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../escaped.py", "X = 1\n")
    upload = SimpleUploadedFile("evil.zip", buffer.getvalue())
    html = client.post("/decompose/", {"monolith": "", "file": upload}).content.decode()
    assert 'id="problems-file"' in html and "would be written outside the folder" in html
    assert Decomposition.objects.count() == 0


def test_the_page_decomposes_automatically_by_default_and_for_a_number_of_teams(client):
    client.post("/decompose/", {"monolith": SHOP})
    automatic = Decomposition.objects.get()
    assert automatic.options["resolution"] is None
    assert automatic.result["granularity"]["criterion"] == "largest_share"
    html = client.get(automatic.get_absolute_url()).content.decode()
    assert "chosen automatically" in html
    assert 'value="auto" class="modes" hx-post' in html and 'id="id_mode_0" checked' in html
    response = client.post(automatic.get_absolute_url() + "rerun/", {"mode": "auto", "teams": "3"})
    teams = Decomposition.objects.get(pk=response["Location"].split("/")[2])
    assert teams.options["teams"] == 3 and teams.result["granularity"]["criterion"] == "teams"
    assert 'name="teams" value="3"' in client.get(teams.get_absolute_url()).content.decode()


def test_the_page_offers_the_format_choice_and_the_project_archives(client):
    html = client.get("/decompose/").content.decode()
    assert 'accept=".csv,.json,.tar.gz,.tgz,.zip"' in html
    assert '<option value="django">Django project (.zip or .tar.gz)</option>' in html
    assert "A small online shop (JSON, 19 modules)" in html


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_large_monolith_goes_to_the_progress_page_then_to_its_result(client, settings, headers):
    from tests.decider.jobs.worker import run_worker

    settings.DECOMPOSITION_TASK_MODULES = 3
    data = {"monolith": SHOP, "granularity": str(DEFAULT_STEP)}
    response = client.post("/decompose/", data, headers=headers)
    progress = response["HX-Redirect"] if headers else response["Location"]
    assert progress.startswith("/tasks/") and Decomposition.objects.count() == 0
    assert 'data-status="queued"' in client.get(progress).content.decode()
    run_worker()
    finished = client.get(progress)
    assert finished.status_code == 302
    assert finished["Location"] == Decomposition.objects.get().get_absolute_url()


@pytest.mark.django_db(transaction=True)
def test_a_rerun_of_a_large_monolith_is_queued_too(client, settings, saved):
    from tests.decider.jobs.worker import run_worker

    settings.DECOMPOSITION_TASK_MODULES = 3
    response = client.post(f"/decompositions/{saved.pk}/rerun/", {"granularity": "2"})
    assert response.status_code == 302 and response["Location"].startswith("/tasks/")
    assert f"next=%2Fdecompositions%2F{saved.pk}%2F" in response["Location"]
    run_worker()
    finished = client.get(response["Location"])
    new = Decomposition.objects.exclude(pk=saved.pk).get()
    assert finished["Location"] == new.get_absolute_url()
