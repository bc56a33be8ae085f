"""A session's page links its other pages; cancelling asks first and says how many are told."""

import pytest

from groepsconsult.consultations.models import Consultation
from tests.factories.backbone import make_consultation
from tests.factories.measurements import make_station_registration


@pytest.fixture
def session(region_a):
    consultation = make_consultation(region_a, status="open")
    for _ in range(3):
        make_station_registration(consultation)
    return consultation


def test_detail_links_every_page_of_the_session(client_for, session):
    page = client_for("coordinator").get(f"/consultations/{session.public_id}/").content.decode()
    pid = session.public_id
    for url in (
        f"/aanmelden/sessions/{pid}/",
        f"/aanmelden/sessions/{pid}/flyer.pdf",
        f"/aanmelden/sessions/{pid}/door/",
        f"/measurements/sessions/{pid}/station/",
        f"/documents/booklets/{pid}/",
        f"/monitoring/plenary/{pid}/",
    ):
        assert url in page, url


def test_host_sees_only_the_links_it_may_open(client_for, session):
    page = client_for("host").get(f"/consultations/{session.public_id}/").content.decode()
    assert f"/aanmelden/sessions/{session.public_id}/door/" in page
    assert f"/documents/booklets/{session.public_id}/" not in page


def test_cancel_asks_first_and_says_how_many_are_registered(client_for, session):
    client = client_for("coordinator")
    url = f"/consultations/{session.public_id}/status/"
    asked = client.post(url, {"status": "cancelled"})
    assert asked.status_code == 200
    assert "3 mensen zijn aangemeld" in asked.content.decode()
    session.refresh_from_db()
    assert session.status == Consultation.Status.OPEN
    done = client.post(url, {"status": "cancelled", "confirm": "1"})
    assert done.status_code == 302
    session.refresh_from_db()
    assert session.status == Consultation.Status.CANCELLED


def test_run_sheet_names_the_rostered_people_with_their_phone(client_for, region_a):
    from django.urls import reverse

    from groepsconsult.audit.services import Actor
    from groepsconsult.consultations import services
    from tests.factories.consultations import make_assignment, make_planned_consultation

    c = make_planned_consultation(region_a)
    services.runsheet_reset_from_template(consultation=c, by=Actor.system())
    make_assignment(c, role="lead", discipline="gp", name="Dr. Yildiz", phone="0701234567")
    make_assignment(c, station_kind="care", name="Els Verpleeg", phone="0612340000")
    page = client_for("host").get(reverse("consultations:runsheet-print", args=[c.public_id]))
    text = page.content.decode()
    assert "Dr. Yildiz" in text and "0701234567" in text and "0612340000" in text
    detail = client_for("host").get(f"/consultations/{c.public_id}/").content.decode()
    assert "0701234567" not in detail  # phone numbers only on the run sheet
