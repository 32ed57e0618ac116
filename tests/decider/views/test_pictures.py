import re

import pytest

from architectures.model import parse_architecture
from decider.views.pictures import badged

pytestmark = pytest.mark.django_db

ARCHITECTURE = parse_architecture(
    {"components": [{"name": "api", "kind": "service"}, {"name": "db", "kind": "datastore"}],
     "links": [{"source": "api", "target": "db"}]}
)  # fmt: skip


def test_only_findings_about_drawn_components_carry_a_badge():
    assert badged({"api": [1, 3], "a team": [2]}, ARCHITECTURE) == {1, 3}


def test_the_slide_is_16_by_9_with_the_marks(client, saved_review):
    response = client.get(f"/reviews/{saved_review.pk}/slide.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    width, height = (
        float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
    )
    assert width / height == pytest.approx(16 / 9, rel=0.05)
    assert "⚠ 1" in svg


def test_a_slide_in_another_format_is_a_404(client, saved_review):
    assert client.get(f"/reviews/{saved_review.pk}/slide.mmd").status_code == 404
    assert client.get(f"/assessments/{saved_review.pk}/slide.png").status_code == 404


def test_the_slide_png_has_twice_the_density(client, saved_review):
    page = client.get(f"/reviews/{saved_review.pk}/slide.svg").content.decode()
    width = float(re.search(r'width="([\d.]+)pt"', page).group(1))
    png = client.get(f"/reviews/{saved_review.pk}/slide.png").content
    assert int.from_bytes(png[16:20], "big") == pytest.approx(width * 192 / 72, rel=0.02)


@pytest.fixture
def saved_review():
    from decider.reviews import built, create_review
    from decider.views.reviews import examples

    return create_review(imported=built(parse_architecture(examples()["shared_database"])))
