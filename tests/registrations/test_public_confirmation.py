"""Issue 13 item 8: a public sign-up is confirmed (SMS or e-mail, in the resident's language,
with a cancel link and the phone number), the link cancels the place, and a person the region
already knows (a GP import) keeps one record."""

import pytest
from django.core import mail
from icalendar import Calendar

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.notifications.models import OutboundMessage
from groepsconsult.participants.gp_import import services as gp_services
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.tokens import cancel_token
from tests.factories.backbone import make_organisation, make_participant
from tests.factories.gp_import import gp_csv, gp_row
from tests.factories.registrations import (
    make_open_consultation,
    make_registration,
    public_form_data,
)

PHONE = "070 123 4567"


@pytest.fixture(autouse=True)
def outbox_file(settings, tmp_path):
    settings.GC_SMS_TRANSPORT = "log"
    settings.GC_SMS_OUTBOX = tmp_path / "sms.txt"
    settings.SITE_URL = "https://groepsconsult.example"
    return settings.GC_SMS_OUTBOX


@pytest.fixture
def session(region_a):
    region_a.public_phone = PHONE
    region_a.save()
    return make_open_consultation(region_a)


def _sign_up(client, session, capture, **data):
    with capture(execute=True):
        return client.post(f"/aanmelden/{session.public_id}/", public_form_data(**data))


def _cancel_path(text):
    start = text.index("https://groepsconsult.example/aanmelden/afmelden/")
    return text[start:].split()[0].removeprefix("https://groepsconsult.example")


def test_sign_up_with_a_mobile_gets_an_sms_in_turkish(
    client, session, outbox_file, django_capture_on_commit_callbacks
):
    response = _sign_up(client, session, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    sms = outbox_file.read_text(encoding="utf-8")
    assert "to +31612345678" in sms
    assert "grup" in sms.lower()  # Turkish: "grup görüşmesi"
    assert PHONE in sms and "/aanmelden/afmelden/" in sms
    message = OutboundMessage.objects.get()
    assert (message.kind, message.channel, message.status, message.language) == (
        "confirmation",
        "sms",
        "sent",
        "tr",
    )
    assert AccessEvent.objects.filter(
        subject_type="outboundmessage", detail="confirmation sent"
    ).exists()


def test_sign_up_with_e_mail_only_gets_an_e_mail_with_the_calendar_file(
    client, session, outbox_file, django_capture_on_commit_callbacks
):
    _sign_up(
        client,
        session,
        django_capture_on_commit_callbacks,
        phone="",
        email="ayse@example.org",
        preferred_language="nl",
    )
    assert not outbox_file.exists()
    (email,) = mail.outbox
    assert email.to == ["ayse@example.org"]
    assert "aangemeld" in email.subject and PHONE in email.body
    assert "/aanmelden/afmelden/" in email.body
    name, content, mimetype = email.attachments[0]
    assert mimetype == "text/calendar"
    alarms = [c for c in Calendar.from_ical(content).walk() if c.name == "VALARM"]
    assert len(alarms) == 1


def test_a_landline_without_e_mail_is_recorded_as_no_contact(
    client, session, outbox_file, django_capture_on_commit_callbacks
):
    _sign_up(client, session, django_capture_on_commit_callbacks, phone="070 765 4321")
    assert not outbox_file.exists() and not mail.outbox
    assert OutboundMessage.objects.get().status == "no_contact"


def test_the_cancel_link_asks_first_then_gives_the_place_back(
    client, session, outbox_file, django_capture_on_commit_callbacks
):
    _sign_up(client, session, django_capture_on_commit_callbacks, preferred_language="nl")
    path = _cancel_path(outbox_file.read_text(encoding="utf-8"))
    page = client.get(path)
    assert page.status_code == 200 and "Yilmaz" not in page.content.decode()
    assert Registration.objects.get().status == "registered"  # a GET changes nothing
    done = client.post(path)
    assert "afgemeld" in done.content.decode()
    assert Registration.objects.get().status == "cancelled"
    again = client.get(path).content.decode()
    assert "kan hier niet worden afgemeld" in again and PHONE in again


def test_an_altered_token_is_not_found(client, session):
    registration = make_registration(session)
    token = cancel_token(registration)
    assert client.get(f"/aanmelden/afmelden/{token}x/").status_code == 404
    assert client.post(f"/aanmelden/afmelden/{token[:-2]}/").status_code == 404
    assert Registration.objects.get().status == "registered"


def test_cancel_page_query_count(client, session, django_assert_max_num_queries):
    token = cancel_token(make_registration(session))
    with django_assert_max_num_queries(3):
        assert client.get(f"/aanmelden/afmelden/{token}/").status_code == 200


def test_the_phone_for_residents_is_on_the_sign_up_page(client, session):
    page = client.get(f"/aanmelden/{session.public_id}/").content.decode()
    assert f'href="tel:0701234567">{PHONE}</a>' in page


def _gp_import(region, session):
    practice = make_organisation(region, kind="gp_practice")
    row = gp_row(1, Naam="Kılıç, Ayşe", Geboortedatum="14-03-1968", Telefoon="0612345678")
    by = Actor(user_id=None, username="tester", role="coordinator", region_slug=region.slug)
    gp_services.gp_selection_import(
        region=region,
        gp_practice=practice,
        consultation=session,
        file_name="selectie.csv",
        data=gp_csv([row]),
        by=by,
    )
    return Participant.objects.get()


def test_gp_import_then_public_sign_up_then_door_is_one_record(
    client, client_for, region_a, session, django_capture_on_commit_callbacks
):
    imported = _gp_import(region_a, session)
    response = _sign_up(
        client,
        session,
        django_capture_on_commit_callbacks,
        given_name="Ayse",
        family_name="Kilic",
        phone="06-12345678",
        email="nieuw@example.org",
    )
    assert response["Location"].endswith("/bedankt/")  # the same answer as for a new person
    assert Participant.objects.count() == 1
    registration = Registration.objects.get()
    assert registration.participant == imported and registration.channel == "self"
    imported.refresh_from_db()
    assert imported.email == "patient1@example.org"  # the record is not changed by the public
    assert AccessEvent.objects.filter(
        participant_id=imported.public_id, detail__contains="matched an existing participant"
    ).exists()
    door = client_for("host").post(
        f"/aanmelden/registrations/{registration.public_id}/attendance/",
        {"attendance": "present"},
    )
    assert door.status_code in (200, 302)
    assert Participant.objects.count() == 1
    assert Registration.objects.get().attendance == "present"


def test_name_and_birth_date_alone_do_not_match(
    client, region_a, session, django_capture_on_commit_callbacks
):
    _gp_import(region_a, session)
    _sign_up(
        client,
        session,
        django_capture_on_commit_callbacks,
        given_name="Ayse",
        family_name="Kilic",
        phone="06 98765432",
    )
    assert Participant.objects.count() == 2


def test_a_known_person_already_signed_up_gets_no_second_place_nor_message(
    client, region_a, session, outbox_file, django_capture_on_commit_callbacks
):
    known = make_participant(
        region_a,
        given_name="Ayşe",
        family_name="Yılmaz",
        date_of_birth="1968-03-14",
        phone="0612345678",
    )
    make_registration(session, known)
    response = _sign_up(client, session, django_capture_on_commit_callbacks)
    assert response["Location"].endswith("/bedankt/")
    assert Registration.objects.count() == 1 and Participant.objects.count() == 1
    assert not outbox_file.exists() and not OutboundMessage.objects.exists()


def test_a_cancelled_place_of_a_known_person_is_taken_up_again(
    client, region_a, session, django_capture_on_commit_callbacks
):
    known = make_participant(
        region_a,
        given_name="Ayse",
        family_name="Yilmaz",
        date_of_birth="1968-03-14",
        phone="06 12345678",
    )
    make_registration(session, known, status="cancelled")
    _sign_up(client, session, django_capture_on_commit_callbacks)
    registration = Registration.objects.get()
    assert registration.status == "registered" and registration.participant == known


def test_every_mistake_in_the_form_is_listed_at_once(client, session):
    response = client.post(
        f"/aanmelden/{session.public_id}/",
        {"date_of_birth": "2099-01-01", "phone": "abc", "postcode": "12"},
    )
    summary = response.content.decode().split('id="error-summary"')[1].split("</ul>")[0]
    for field in ("given_name", "family_name", "date_of_birth", "sex", "phone", "postcode"):
        assert f'href="#id_{field}"' in summary, field
    assert "Zet een vinkje" in summary  # the privacy tick, too
    assert not Participant.objects.exists()


def test_a_failing_provider_is_recorded_and_the_place_is_kept(
    client, session, settings, django_capture_on_commit_callbacks
):
    settings.GC_SMS_TRANSPORT = "messagebird"
    settings.GC_MESSAGEBIRD_ACCESS_KEY = ""  # the adapter refuses before any network call
    response = _sign_up(client, session, django_capture_on_commit_callbacks)
    assert response["Location"].endswith("/bedankt/")
    message = OutboundMessage.objects.get()
    assert message.status == "failed" and "ACCESS_KEY" in message.error
    assert Registration.objects.get().status == "registered"
