"""The door tally: ticking with htmx, the live count, walk-ins, and what gets logged."""

import subprocess

from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_participant
from tests.factories.registrations import make_open_consultation, make_registration

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_tick_present_with_htmx_returns_the_row_with_a_number(client_for, region_a):
    registration = make_registration(make_open_consultation(region_a))
    client = client_for("host")
    response = client.post(
        f"/aanmelden/registrations/{registration.public_id}/attendance/",
        {"attendance": "present"},
        **HTMX,
    )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "attendance-changed"
    body = response.content.decode()
    assert f'id="row-{registration.public_id}"' in body and "<html" not in body
    registration.refresh_from_db()
    assert (registration.attendance, registration.day_number) == ("present", 1)
    assert AccessEvent.objects.filter(
        action="change", subject_id=str(registration.public_id), username=client.user.username
    ).exists()


def test_tick_without_javascript_redirects_back(client_for, region_a):
    consultation = make_open_consultation(region_a)
    registration = make_registration(consultation)
    response = client_for("host").post(
        f"/aanmelden/registrations/{registration.public_id}/attendance/", {"attendance": "absent"}
    )
    assert response["Location"] == f"/aanmelden/sessions/{consultation.public_id}/door/"
    registration.refresh_from_db()
    assert registration.attendance == "absent"


def test_nonsense_attendance_value_changes_nothing(client_for, region_a):
    registration = make_registration(make_open_consultation(region_a))
    response = client_for("host").post(
        f"/aanmelden/registrations/{registration.public_id}/attendance/",
        {"attendance": "maybe"},
        **HTMX,
    )
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.attendance == "unknown"


def test_door_lists_registered_people_and_logs_the_list(client_for, region_a):
    consultation = make_open_consultation(region_a, capacity=10)
    present = make_registration(
        consultation,
        make_participant(region_a, family_name="Aydin"),
        attendance="present",
        day_number=1,
    )
    make_registration(consultation, make_participant(region_a, family_name="Bouzid"))
    make_registration(
        consultation, make_participant(region_a, family_name="Weg"), status="cancelled"
    )
    client = client_for("host")
    body = client.get(f"/aanmelden/sessions/{consultation.public_id}/door/").content.decode()
    assert "Aydin" in body and "Bouzid" in body and "Weg" not in body
    assert AccessEvent.objects.filter(
        action="list", participant_id=present.participant.public_id, username=client.user.username
    ).exists()


def test_live_count_shows_numbers_only_and_is_not_logged(client_for, region_a):
    consultation = make_open_consultation(region_a, capacity=12)
    make_registration(
        consultation,
        make_participant(region_a, family_name="Aydin"),
        attendance="present",
        day_number=1,
    )
    make_registration(consultation)
    client = client_for("host")
    before = AccessEvent.objects.count()
    body = client.get(f"/aanmelden/sessions/{consultation.public_id}/door/count/").content.decode()
    assert "Aydin" not in body
    assert '<span class="stat">1</span>' in body and '<span class="stat">12</span>' in body
    assert 'hx-trigger="every 10s' in body
    assert AccessEvent.objects.count() == before


def test_walk_in_is_registered_present_with_the_next_number(client_for, region_a):
    consultation = make_open_consultation(region_a)
    make_registration(consultation, attendance="present", day_number=4)
    response = client_for("host").post(
        f"/aanmelden/sessions/{consultation.public_id}/door/walk-in/",
        {
            "given_name": "Mehmet",
            "family_name": "Ozturk",
            "date_of_birth": "1961-07-30",
            "sex": "male",
        },
        follow=True,
    )
    assert response.status_code == 200
    registration = Registration.objects.get(participant__family_name="Ozturk")
    assert (registration.channel, registration.attendance, registration.day_number) == (
        "walk_in",
        "present",
        5,
    )
    assert "nummer 5" in response.content.decode()


def test_walk_in_with_bad_input_shows_dutch_errors_and_saves_nothing(client_for, region_a):
    consultation = make_open_consultation(region_a)
    response = client_for("host").post(
        f"/aanmelden/sessions/{consultation.public_id}/door/walk-in/",
        {"given_name": "", "family_name": "Ozturk", "date_of_birth": "morgen", "sex": "male"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in body and "Voer een geldige datum in." in body
    assert not Registration.objects.exists()


def test_flyer_pdf_has_date_place_and_qr_code(client_for, region_a, tmp_path):
    consultation = make_open_consultation(region_a)
    response = client_for("coordinator").get(
        f"/aanmelden/sessions/{consultation.public_id}/flyer.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "flyer.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert consultation.location.name in text
    assert consultation.location.address in text
    local = timezone.localtime(consultation.starts_at)
    assert f"{local:%Y}" in text and f"{local:%H:%M}" in text and str(local.day) in text
    assert str(consultation.public_id) in text  # the printed link under the QR code
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1 and " image " in images[0]  # the QR code


def test_flyer_html_embeds_a_qr_code_for_the_public_url(region_a, settings):
    from groepsconsult.registrations.flyer import public_registration_url, qr_data_uri

    settings.SITE_URL = "https://groepsconsult.example.nl"
    consultation = make_open_consultation(region_a)
    url = public_registration_url(consultation)
    assert url == f"https://groepsconsult.example.nl/aanmelden/{consultation.public_id}/"
    assert qr_data_uri(url).startswith("data:image/png;base64,")
