"""The map takes the dashboard's filters and its combined-regions view: figures, exports and
the printed filter lines; other regions never appear."""

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from groepsconsult.accounts.models import Membership
from groepsconsult.regions.models import Neighbourhood
from tests.factories.monitoring import plant
from tests.geo.conftest import square


def _draw(region, code, people, x, seed=1, **person):
    plant(region, code, people, seed=seed, **person)
    Neighbourhood.objects.filter(cbs_code=code).update(geometry=square(x, 52.07))


@pytest.fixture
def by_sex(region_a):
    """BU1: 12 women; BU2: 15 men; BU4: 10 of sex "other" (every group of the equity view's
    sex table at least k, so the differencing guard lets a sex filter through)."""
    _draw(region_a, "BU00000001", 12, 4.30, sex="female")
    _draw(region_a, "BU00000002", 15, 4.31, seed=2, sex="male")
    _draw(region_a, "BU00000004", 10, 4.32, seed=5, sex="other")


def test_the_sex_filter_narrows_every_figure_and_is_printed(client_for, by_sex):
    client = client_for("funder")
    html = client.get("/maps/?indicator=registered").content.decode()
    assert "BU00000002: 15</title>" in html and "Filters: geen" in html
    html = client.get("/maps/?indicator=registered&sex=female").content.decode()
    assert "BU00000001: 12</title>" in html and "BU00000002: &lt;10</title>" in html
    assert "Geslacht: Vrouw" in html
    assert 'name="sex" value="female"' in html  # the download buttons keep the filter


@pytest.mark.parametrize("indicator", ["registered", "change_systolic"])
def test_every_export_uses_and_prints_the_filters(client_for, by_sex, indicator):
    client = client_for("funder")
    data = {"indicator": indicator, "sex": "male", "end": "2025-12-31"}
    svg = client.post("/maps/export.svg", data).content.decode()
    assert "BU00000001: &lt;10</title>" in svg and "BU00000002: " in svg
    assert "Geslacht: Man" in svg and "Tot en met: 31 december 2025" in svg
    png = Image.open(io.BytesIO(client.post("/maps/export.png", data).content))
    assert "Geslacht: Man" in png.text["Description"] and png.height > 100
    pdf = client.post("/maps/export.pdf", data).content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Geslacht: Man" in text and "Tot en met: 31 december 2025" in text


def test_channel_and_period_filters_apply(client_for, by_sex):
    client = client_for("funder")
    html = client.get("/maps/?indicator=registered&channel=community").content.decode()
    assert "BU00000002: &lt;10</title>" in html and "BU00000001: &lt;10</title>" in html
    html = client.get("/maps/?indicator=registered&start=2025-01-01&end=2025-12-31").content
    assert "BU00000002: 15</title>" in html.decode()
    html = client.get("/maps/?indicator=registered&start=2026-01-01").content.decode()
    assert "BU00000002: &lt;10</title>" in html


def test_a_bad_period_is_explained_at_the_field(client_for, by_sex):
    response = client_for("funder").get("/maps/?start=2025-06-01&end=2025-01-01")
    assert response.status_code == 200
    assert "Het einde van de periode ligt voor het begin." in response.content.decode()


@pytest.fixture
def two_regions(region_a, region_b):
    from tests.factories.backbone import make_region

    _draw(region_a, "BU00000001", 12, 4.30)
    _draw(region_b, "BU00000021", 14, 5.10, seed=3)
    region_c = make_region(name="Gamma", slug="gamma")
    _draw(region_c, "BU00000031", 16, 6.10, seed=4)
    return region_c


def test_a_user_with_roles_in_two_regions_sees_both_maps(client_for, region_b, two_regions):
    client = client_for("funder")
    Membership.objects.create(user=client.user, region=region_b, role="researcher")
    html = client.get("/maps/?indicator=registered").content.decode()
    assert 'href="?combined=1"' in html and "BU00000021:" not in html
    html = client.get("/maps/?indicator=registered&combined=1").content.decode()
    assert "BU00000001: 12</title>" in html and "BU00000021: 14</title>" in html
    assert html.count("<svg") == 2 and 'id="suppressed-2"' in html
    assert "BU00000031" not in html and "Gamma" not in html
    svg = client.post("/maps/export.svg", {"indicator": "registered", "combined": "1"})
    assert svg.content.decode().count("<svg") == 3 and "map-combined" in svg["Content-Disposition"]
    png = client.post("/maps/export.png", {"indicator": "registered", "combined": "1"})
    assert "BU00000021: 14" in Image.open(io.BytesIO(png.content)).text["Description"]


def test_a_user_with_one_region_sees_one_map_even_when_asking_combined(
    client_for, region_b, two_regions
):
    client = client_for("funder")
    html = client.get("/maps/?indicator=registered&combined=1").content.decode()
    assert "BU00000001: 12</title>" in html and html.count("<svg") == 1
    assert "BU00000021:" not in html and 'href="?combined=1"' not in html


def test_a_role_without_group_figures_elsewhere_adds_no_region(client_for, region_b, two_regions):
    client = client_for("funder")
    Membership.objects.create(user=client.user, region=region_b, role="host")
    html = client.get("/maps/?indicator=registered&combined=1").content.decode()
    assert "BU00000021:" not in html


def test_combined_map_query_count_does_not_grow(
    client_for, region_a, region_b, django_assert_max_num_queries
):
    client = client_for("funder")
    Membership.objects.create(user=client.user, region=region_b, role="funder")
    _draw(region_a, "BU00000001", 2, 4.30)
    # The page's own queries, plus the differencing guard's: per region its sizes and
    # neighbourhood tables, and for the sex filter the parent's sizes and sex breakdown.
    with django_assert_max_num_queries(45):
        client.get("/maps/?indicator=change_systolic&combined=1&sex=female")
    _draw(region_b, "BU00000021", 25, 5.10, seed=3)
    with django_assert_max_num_queries(45):
        client.get("/maps/?indicator=change_systolic&combined=1&sex=female")
