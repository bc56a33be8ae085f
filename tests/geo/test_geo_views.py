"""Map page, exports and import pages: cast, suppression everywhere, access log, query counts."""

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from groepsconsult.audit.models import AccessEvent
from groepsconsult.geo.models import ReferenceDataset
from groepsconsult.regions.models import Neighbourhood
from tests.factories.backbone import make_neighbourhood
from tests.factories.monitoring import plant
from tests.geo.conftest import collection, feature, square

SMALL_TITLE = "BU00000003: &lt;10</title>"
SMALL_ROW = '<th scope="row">BU00000003</th><td>BU00000003</td><td>&lt;10</td>'


@pytest.mark.parametrize("role", ["coordinator", "funder", "researcher", "administrator"])
def test_roles_with_group_figures_see_the_map(role, client_for, mapped):
    html = client_for(role).get("/maps/?indicator=registered").content.decode()
    assert "<svg" in html and SMALL_TITLE in html and SMALL_ROW in html


@pytest.mark.parametrize("path", ["/maps/", "/maps/reference/"])
@pytest.mark.parametrize("role", ["host", "professional", "gp_practice"])
def test_roles_without_group_figures_get_403(role, path, client_for):
    assert client_for(role).get(path).status_code == 403


@pytest.mark.parametrize("path", ["/maps/boundaries/", "/maps/reference/new/"])
@pytest.mark.parametrize("role", ["funder", "researcher"])
def test_only_region_managers_import(role, path, client_for):
    assert client_for(role).get(path).status_code == 403
    assert client_for("coordinator").get(path).status_code == 200


@pytest.mark.parametrize("path", ["/maps/", "/maps/boundaries/", "/maps/reference/"])
def test_anonymous_is_sent_to_login(client, path):
    assert client.get(path).url.startswith("/account/login")


def test_a_cell_of_three_reads_less_than_ten_on_the_map_the_table_and_every_export(
    client_for, mapped
):
    client = client_for("funder")
    for indicator in ("registered", "attendance", "change_systolic"):
        html = client.get(f"/maps/?indicator={indicator}").content.decode()
        assert SMALL_TITLE in html, indicator
        assert '<th scope="row">BU00000003</th><td>BU00000003</td><td>&lt;10</td>' in html
        svg = client.post("/maps/export.svg", {"indicator": indicator}).content.decode()
        assert svg.startswith("<?xml") and SMALL_TITLE in svg
        png = Image.open(
            io.BytesIO(client.post("/maps/export.png", {"indicator": indicator}).content)
        )
        assert "BU00000003: <10" in png.text["Description"].splitlines()
        pdf = client.post("/maps/export.pdf", {"indicator": indicator}).content
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert "BU00000003 BU00000003 <10" in text
    # Its complement is hidden too (monitoring's secondary suppression), the total is shown.
    html = client.get("/maps/?indicator=registered").content.decode()
    assert "BU00000002: &lt;10</title>" in html and "BU00000001: 12</title>" in html


def test_exports_are_logged_posts(client_for, mapped):
    client = client_for("coordinator")
    assert client.get("/maps/export.svg").status_code == 405
    for fmt, mime in [("svg", "image/svg+xml"), ("png", "image/png"), ("pdf", "application/pdf")]:
        response = client.post(f"/maps/export.{fmt}", {"indicator": "attendance"})
        assert response["Content-Type"] == mime
        assert f"map-alpha-attendance.{fmt}" in response["Content-Disposition"]
    events = AccessEvent.objects.filter(action="export", subject_type="map")
    assert events.count() == 3 and {e.purpose for e in events} == {"monitoring export"}
    assert client.post("/maps/export.gif").status_code == 404


def test_the_map_page_writes_nothing(client_for, mapped):
    client = client_for("funder")
    before = AccessEvent.objects.count()
    client.get("/maps/")
    assert AccessEvent.objects.count() == before


def test_reach_uses_the_target_group_and_shows_the_reference(client_for, mapped, region_a):
    client = client_for("coordinator")
    csv_text = (
        "code,indicator,value\nBU00000001,target_population,200\nBU00000001,health,55\n"
        "GM0000,health,70\nNL,health,75\n"
    )
    upload = io.BytesIO(csv_text.encode())
    upload.name = "ggd.csv"
    response = client.post(
        "/maps/reference/new/",
        {
            "name": "GGD 2022",
            "source": "GGD Haaglanden",
            "published_on": "2023-05-01",
            "permitted_purpose": "comparison on maps",
            "file": upload,
        },
    )
    assert response.status_code == 302
    dataset = ReferenceDataset.objects.get(region=region_a)
    html = client.get("/maps/?indicator=reach").content.decode()
    assert "BU00000001: 6.0%</title>" in html and "GGD Haaglanden" in html
    html = client.get(
        f"/maps/?indicator=reach&reference={dataset.public_id}:health"
    ).content.decode()
    assert "municipality</" not in html  # translated: the page is Dutch
    assert "gemeente: 70; Nederland: 75" in html and "<td>55</td>" in html
    listing = client.get("/maps/reference/").content.decode()
    assert "GGD 2022" in listing and "comparison on maps" in listing


def test_another_regions_dataset_cannot_be_compared(client_for, mapped, region_b):
    dataset = ReferenceDataset.objects.create(
        region=region_b, name="B", source="B", published_on="2023-01-01", permitted_purpose="x"
    )
    dataset.figures.create(code="NL", indicator="secret", value=99)
    response = client_for("funder").get(f"/maps/?reference={dataset.public_id}:secret")
    assert response.status_code == 200 and response.context["reference"] is None
    assert "Referentie secret" not in response.content.decode()
    listing = client_for("funder").get("/maps/reference/").content.decode()
    assert "Nog geen referentiecijfers." in listing


def test_a_bad_reference_file_is_explained_per_row(client_for):
    upload = io.BytesIO(b"code,indicator,value\nXX,health,1\n")
    upload.name = "bad.csv"
    response = client_for("coordinator").post(
        "/maps/reference/new/",
        {
            "name": "x",
            "source": "y",
            "published_on": "2023-01-01",
            "permitted_purpose": "z",
            "file": upload,
        },
    )
    assert response.status_code == 200 and "Rij 2" in response.content.decode()
    assert not ReferenceDataset.objects.exists()


def test_boundary_upload_saves_and_reports(client_for, region_a):
    hood = make_neighbourhood(region_a, cbs_code="BU05182800")
    client = client_for("coordinator")
    upload = io.BytesIO(
        collection(
            feature("BU05182800", square(4.3, 52.0)), feature("BU05189999", square(4.4, 52.0))
        )
    )
    upload.name = "buurten.geojson"
    html = client.post("/maps/boundaries/", {"file": upload}).content.decode()
    hood.refresh_from_db()
    assert hood.geometry is not None and "BU05189999" in html


def test_boundary_upload_lists_problems_and_saves_nothing(client_for, region_a):
    make_neighbourhood(region_a, cbs_code="BU05182800")
    upload = io.BytesIO(
        collection(feature("BU05182800", {"type": "Point", "coordinates": [4, 52]}))
    )
    upload.name = "buurten.geojson"
    response = client_for("coordinator").post("/maps/boundaries/", {"file": upload})
    assert response.status_code == 200 and "Object 1 (BU05182800)" in response.content.decode()
    assert not Neighbourhood.objects.filter(geometry__isnull=False).exists()


def test_map_query_count_does_not_grow_with_participants(
    client_for, region_a, django_assert_max_num_queries
):
    client = client_for("funder")
    plant(region_a, "BU00000001", 2)
    for indicator in ("reach", "change_systolic"):
        with django_assert_max_num_queries(12):
            assert client.get(f"/maps/?indicator={indicator}").status_code == 200
    plant(region_a, "BU00000002", 25, seed=5)
    Neighbourhood.objects.update(geometry=square(4.3, 52.0))
    for indicator in ("reach", "change_systolic"):
        with django_assert_max_num_queries(12):
            assert client.get(f"/maps/?indicator={indicator}").status_code == 200
