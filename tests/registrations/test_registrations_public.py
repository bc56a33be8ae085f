"""The residents' pages: no login, no personal data shown, kind refusals, the calendar file."""

import datetime as dt

import pytest
from icalendar import Calendar

from groepsconsult.consultations.models import Consultation
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_participant
from tests.factories.registrations import (
    make_open_consultation,
    make_registration,
    public_form_data,
)


def _url(consultation, suffix=""):
    return f"/aanmelden/{consultation.public_id}/{suffix}"


def test_list_shows_open_future_sessions_of_every_region_only(client, region_a, region_b):
    shown = [make_open_consultation(region_a), make_open_consultation(region_b)]
    hidden = [
        make_open_consultation(region_a, status=Consultation.Status.DRAFT),
        make_open_consultation(region_a, days_ahead=-2),
    ]
    body = client.get("/aanmelden/").content.decode()
    for consultation in shown:
        assert str(consultation.public_id) in body
    for consultation in hidden:
        assert str(consultation.public_id) not in body


def test_list_query_count_does_not_grow(client, region_a, django_assert_max_num_queries):
    for _ in range(2):
        make_open_consultation(region_a)
    with django_assert_max_num_queries(3) as small:
        client.get("/aanmelden/")
    for _ in range(10):
        make_registration(make_open_consultation(region_a))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/aanmelden/").status_code == 200


def test_list_never_shows_who_registered(client, region_a):
    consultation = make_open_consultation(region_a)
    make_registration(consultation, make_participant(region_a, family_name="Geheimnaam"))
    assert "Geheimnaam" not in client.get("/aanmelden/").content.decode()
    assert "Geheimnaam" not in client.get(_url(consultation)).content.decode()


def test_resident_registers_and_gets_the_thank_you_page(client, region_a):
    consultation = make_open_consultation(region_a)
    response = client.post(_url(consultation), public_form_data())
    assert response.status_code == 302 and response["Location"] == _url(consultation, "bedankt/")
    registration = Registration.objects.get(consultation=consultation)
    assert registration.channel == "self"
    assert registration.participant.postcode == "2532 AB"
    assert registration.participant.preferred_language == "tr"
    thanks = client.get(response["Location"]).content.decode()
    assert "aangemeld" in thanks and "agenda.ics" in thanks


def test_same_person_twice_is_not_saved_twice(client, region_a):
    consultation = make_open_consultation(region_a)
    client.post(_url(consultation), public_form_data())
    response = client.post(_url(consultation), public_form_data(), follow=True)
    assert "al aangemeld" not in response.content.decode()
    assert Registration.objects.filter(consultation=consultation).count() == 1


def test_phone_or_email_is_needed(client, region_a):
    consultation = make_open_consultation(region_a)
    response = client.post(_url(consultation), public_form_data(phone="", email=""))
    assert response.status_code == 200
    assert "telefoonnummer of een e-mailadres" in response.content.decode()
    assert not Participant.objects.exists()


def test_all_form_errors_come_at_once(client, region_a):
    """A missing phone and e-mail is told together with the other mistakes, not afterwards."""
    consultation = make_open_consultation(region_a)
    response = client.post(_url(consultation), public_form_data(postcode="abc", phone="", email=""))
    body = response.content.decode()
    assert "Een postcode heeft 4 cijfers en 2 letters" in body
    assert "telefoonnummer of een e-mailadres" in body


def test_bad_input_gets_dutch_messages_per_field(client, region_a):
    consultation = make_open_consultation(region_a)
    response = client.post(
        _url(consultation),
        public_form_data(
            date_of_birth="2090-01-01", postcode="abc", privacy="", given_name="x" * 101
        ),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "kan niet in de toekomst" in body
    assert "Een postcode heeft 4 cijfers en 2 letters, zoals 2525 AB." in body
    assert "Zet een vinkje" in body
    assert "niet meer dan 100 tekens" in body
    assert not Participant.objects.exists()


def test_women_only_session_refuses_a_man_kindly(client, region_a):
    consultation = make_open_consultation(region_a, audience="women")
    response = client.post(_url(consultation), public_form_data(sex="male"))
    assert "alleen voor vrouwen" in response.content.decode()
    assert not Participant.objects.exists()


def test_full_session_shows_a_kind_message_and_refuses_a_post(client, region_a):
    consultation = make_open_consultation(region_a, capacity=1)
    make_registration(consultation)
    page = client.get(_url(consultation)).content.decode()
    assert "vol" in page and '<form method="post" class="stacked' not in page
    client.post(_url(consultation), public_form_data())
    assert Registration.objects.filter(consultation=consultation).count() == 1


def test_honeypot_pretends_success_and_saves_nothing(client, region_a):
    consultation = make_open_consultation(region_a)
    response = client.post(_url(consultation), public_form_data(website="http://spam"))
    assert response.status_code == 302
    assert not Participant.objects.exists()


def test_csrf_is_required(region_a):
    from django.test import Client

    consultation = make_open_consultation(region_a)
    response = Client(enforce_csrf_checks=True).post(_url(consultation), public_form_data())
    assert response.status_code == 403
    assert not Participant.objects.exists()


@pytest.mark.parametrize("status", ["draft", "held", "cancelled"])
def test_not_open_session_is_404(client, region_a, status):
    consultation = make_open_consultation(region_a, status=status)
    assert client.get(_url(consultation)).status_code == 404


def test_ics_holds_the_session_and_no_personal_data(client, region_a):
    consultation = make_open_consultation(region_a)
    make_registration(consultation, make_participant(region_a, family_name="Geheimnaam"))
    response = client.get(_url(consultation, "agenda.ics"))
    assert response["Content-Type"].startswith("text/calendar")
    assert "Geheimnaam" not in response.content.decode()
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == consultation.starts_at
    assert consultation.location.name in str(event.get("location"))
    assert str(consultation.public_id) in str(event.get("uid"))


def test_ics_reminds_the_day_before(client, region_a):
    consultation = make_open_consultation(region_a)
    response = client.get(_url(consultation, "agenda.ics"))
    alarm = Calendar.from_ical(response.content).walk("VALARM")[0]
    assert str(alarm.get("action")) == "DISPLAY"
    assert alarm.decoded("trigger") == -dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("language", "expected", "direction"),
    [("en", "Sign up", "ltr"), ("tr", "Kaydol", "ltr"), ("ar", "سجّل", "rtl")],
)
def test_public_page_speaks_four_languages(client, region_a, language, expected, direction):
    consultation = make_open_consultation(region_a)
    client.post("/i18n/setlang/", {"language": language, "next": "/aanmelden/"})
    body = client.get(_url(consultation)).content.decode()
    assert expected in body
    assert f'dir="{direction}"' in body


def test_public_language_does_not_leak_into_staff_pages(client_for, region_a):
    client = client_for("coordinator")
    client.post("/i18n/setlang/", {"language": "tr", "next": "/"})
    body = client.get("/aanmelden/sessions/").content.decode()
    assert 'lang="nl"' in body
