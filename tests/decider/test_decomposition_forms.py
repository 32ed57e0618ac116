from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from decider.decomposition_forms import (
    DEFAULT_STEP,
    MANUAL,
    RESOLUTION_STEPS,
    DecomposeForm,
    OptionsForm,
    Shown,
    describe_location,
    resolution_step,
    step_resolution,
)
from tests.project_archives import locallibrary_files, zipped

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SHOP = (FIXTURES / "monoliths" / "shop.json").read_text()


def test_the_slider_steps_run_from_the_lowest_to_the_highest_resolution():
    assert RESOLUTION_STEPS[0] == 0.05 and RESOLUTION_STEPS[-1] == 100.0
    assert step_resolution(DEFAULT_STEP) == 1.0
    assert list(RESOLUTION_STEPS) == sorted(RESOLUTION_STEPS)
    assert all(resolution_step(r) == i for i, r in enumerate(RESOLUTION_STEPS))
    assert resolution_step(1.2) == DEFAULT_STEP
    assert step_resolution(99) == 100.0


def test_locations_read_like_paths():
    assert describe_location(("line", 7)) == "line 7"
    assert describe_location(("modules", 3, "calls", "b")) == "modules[3].calls.b"
    assert describe_location(("pins", "orders.cart")) == "pins['orders.cart']"
    assert describe_location(("pins", "line", 2)) == "pins line 2"
    assert describe_location(()) == ""


def test_pins_are_read_one_per_line_split_at_the_last_equals_sign():
    form = OptionsForm({"pins": "# comment\n web.checkout = checkout \n\na=b = c\n"})
    assert form.options(None).pins == {"web.checkout": "checkout", "a=b": "c"}
    form = OptionsForm({"pins": "fine = ok\nno sign\n= nameless"})
    assert form.options(None) is None
    assert [where for where, _ in form.problems["pins"]] == ["pins line 2", "pins line 3"]


def test_the_granularity_is_automatic_unless_set_by_hand():
    assert OptionsForm({}).options(None).resolution is None
    assert (
        OptionsForm({"mode": "auto", "granularity": DEFAULT_STEP}).options(None).resolution is None
    )
    manual = OptionsForm({"mode": "manual", "granularity": "4"}).options(None)
    assert manual.resolution == 0.5


def test_moving_the_slider_sets_the_granularity_by_hand_even_with_automatic_ticked():
    # Without JavaScript nothing ticks "by hand" when the slider moves.
    moved = OptionsForm({"mode": "auto", "granularity": "2", "shown_step": str(DEFAULT_STEP)})
    assert moved.options(None).resolution == 0.2
    # A page that showed stop 2 and keeps it means what its ticked choice says.
    kept = OptionsForm({"mode": "auto", "granularity": "2", "shown_step": "2"})
    assert kept.options(None).resolution is None
    # An old client posting only the slider keeps working.
    assert OptionsForm({"granularity": "2"}).options(None).resolution == 0.2


def test_without_a_choice_a_rerun_keeps_the_mode_it_showed():
    shown = Shown(MANUAL, DEFAULT_STEP)
    assert (
        OptionsForm({"granularity": str(DEFAULT_STEP)}, shown=shown).options(None).resolution == 1.0
    )


def test_teams_go_to_the_automatic_choice_and_are_bounded():
    assert OptionsForm({"teams": "4"}).options(None).teams == 4
    form = OptionsForm({"teams": "0"})
    assert form.options(None) is None and "teams" in form.problems


def test_the_widgets_render_the_controls_and_rerun_as_they_change():
    html = str(OptionsForm(rerun_url="/decompositions/x/rerun/"))
    assert 'type="range"' in html and 'list="granularity-stops"' in html
    assert 'hx-post="/decompositions/x/rerun/"' in html
    assert 'hx-vals="{&quot;mode&quot;: &quot;manual&quot;}"' in html
    assert 'type="radio" name="mode" value="auto"' in html and "Automatic: the best" in html
    assert "hx-post" not in str(OptionsForm())


def test_a_form_without_any_monolith_says_what_to_do():
    form = DecomposeForm({"monolith": "  "})
    assert form.read() is None
    assert "Paste a monolith" in form.problems["monolith"][0][1]


def test_an_uploaded_project_archive_is_read_through_the_registry():
    upload = SimpleUploadedFile("locallibrary.zip", zipped(locallibrary_files()))
    form = DecomposeForm({"monolith": ""}, {"file": upload})
    found, options = form.read()
    assert found.format == "django" and options.resolution is None
    assert "catalog.models" in {m.name for m in found.monolith.modules}


def test_an_uploaded_text_file_with_problems_lands_in_the_text_box():
    upload = SimpleUploadedFile("bad.csv", b"source,target,count\na,b,many\n")
    form = DecomposeForm({"monolith": ""}, {"file": upload})
    assert form.read() is None
    assert form.problems["monolith"] == [("line 2", "count: Must be a positive whole number.")]
    assert form["monolith"].value() == "source,target,count\na,b,many\n"


def test_a_broken_archive_is_a_problem_beside_the_upload():
    upload = SimpleUploadedFile("broken.zip", b"PK\x03\x04 not really")
    form = DecomposeForm({"monolith": ""}, {"file": upload})
    assert form.read() is None
    assert "cannot be read" in form.problems["file"][0][1]


def test_a_forced_format_that_does_not_fit_is_a_problem_beside_its_field():
    form = DecomposeForm({"monolith": SHOP, "format": "nonsense"})
    assert form.read() is None and "format" in form.problems
    form = DecomposeForm({"monolith": SHOP, "format": "csv"})
    assert form.read() is None and "monolith" in form.problems
