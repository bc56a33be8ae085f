"""The earlier-results upload page: check (dry run) first, then import; every bad row shown;
hostile files refused on the field; permissions and query count."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.measurements.models import Measurement
from groepsconsult.participants.models import Participant
from tests.factories.backbone import make_location, make_neighbourhood
from tests.factories.gp_import import gp_csv

URL = "/measurements/earlier/"
DAY = (timezone.localdate() - dt.timedelta(days=200)).strftime("%d-%m-%Y")


def upload(rows, name="eerder.csv"):
    return SimpleUploadedFile(name, gp_csv(rows) if isinstance(rows, list) else rows)


def row(n, **overrides):
    values = {
        "Naam": f"Persoon{n}, Aysel",
        "Geboortedatum": f"0{n}-04-1962",
        "Sessiedatum": DAY,
        "Systolisch": "138",
        "Diastolisch": "86",
        "Gewicht": "77,5",
    }
    return values | overrides


def test_check_then_import_with_a_default_neighbourhood(client_for, region_a):
    hood = make_neighbourhood(region_a, name="Moerwijk")
    make_location(region_a, neighbourhood=hood)
    coordinator = client_for("coordinator")
    page = coordinator.post(
        URL, {"file": upload([row(1), row(2)]), "neighbourhood": hood.public_id}
    )
    html = page.content.decode()
    assert page.status_code == 200 and "er is nog niets opgeslagen" in html
    assert Participant.objects.count() == 0 and Measurement.objects.count() == 0
    data = {"file": upload([row(1), row(2)]), "neighbourhood": hood.public_id, "confirm": "on"}
    html = coordinator.post(URL, data).content.decode()
    assert "Geïmporteerd" in html and Participant.objects.count() == 2
    assert Consultation.objects.get(imported=True).neighbourhood == hood
    assert Measurement.objects.current().count() == 2 * 3


def test_every_bad_row_is_shown_and_nothing_saved(client_for, region_a):
    make_location(region_a, neighbourhood=make_neighbourhood(region_a, name="Moerwijk"))
    rows = [row(1, Wijk="Moerwijk"), row(2, Wijk="Elders", Systolisch="400")]
    data = {"file": upload(rows), "confirm": "on"}
    html = client_for("coordinator").post(URL, data).content.decode()
    assert "Rij 3: wijk &#x27;Elders&#x27;" in html and "Rij 3: Bovendruk" in html
    assert Participant.objects.count() == 0


def test_a_hostile_file_is_refused_on_the_field(client_for, region_a):
    data = {"file": upload(b"PK\x03\x04 broken", name="eerder.xlsx"), "confirm": "on"}
    html = client_for("coordinator").post(URL, data).content.decode()
    assert "beschadigd" in html and Measurement.objects.count() == 0


def test_another_regions_neighbourhood_is_not_a_choice(client_for, region_a, region_b):
    other = make_neighbourhood(region_b, name="Elders")
    make_location(region_b, neighbourhood=other)
    page = client_for("coordinator").post(
        URL, {"file": upload([row(1)]), "neighbourhood": other.public_id}
    )
    assert page.status_code == 200 and Participant.objects.count() == 0
    assert "neighbourhood" in page.context["form"].errors


def test_permissions(client, client_for):
    assert client.get(URL).status_code == 302
    assert client_for("professional").get(URL).status_code == 403
    assert client_for("coordinator").get(URL).status_code == 200


def test_the_page_has_a_fixed_query_count(client_for, region_a):
    coordinator = client_for("coordinator")
    coordinator.get(URL)  # the first request of a login settles the session
    counts = []
    for _round in range(2):
        for _n in range(5):  # more neighbourhoods to choose from: not more queries
            make_location(region_a, neighbourhood=make_neighbourhood(region_a))
        with CaptureQueriesContext(connection) as queries:
            assert coordinator.get(URL).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12, counts
