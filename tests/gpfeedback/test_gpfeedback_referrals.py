"""The GP-practice portal refers a patient into a session: through the registrations service on
the referral route with the reason, matching a known person (one person, one record); the
practice sees only its own referrals and their status; the cast; a pinned query count."""

import datetime as dt

import pytest
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.gpfeedback.models import PracticeReferral
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.services import attendance_mark
from tests.conftest import verified_login
from tests.factories.backbone import make_consultation, make_participant, make_user
from tests.factories.consent import give
from tests.factories.gpfeedback import make_practice

NEW = "/gp-feedback/referrals/new/"
LIST = "/gp-feedback/referrals/"


@pytest.fixture
def practice(region_a):
    return make_practice(region_a)


@pytest.fixture
def session(region_a):
    starts = timezone.now() + dt.timedelta(days=7)
    return make_consultation(region_a, starts_at=starts, status="open")


def practice_client(client, region, practice):
    return verified_login(client, make_user("gp_practice", region, organisation=practice))


def patient(session, **kw):
    data = {
        "consultation": session.pk,
        "given_name": "Aicha",
        "family_name": "El Amrani",
        "date_of_birth": "1968-03-14",
        "sex": "female",
        "phone": "0687654321",
        "reason": "Bloeddruk verhoogd, wil meer bewegen",
    }
    return {**data, **kw}


def test_the_practice_refers_a_new_patient(client, region_a, practice, session):
    gp = practice_client(client, region_a, practice)
    page = gp.get(NEW).content.decode()
    assert session.neighbourhood.name in page  # the picker shows date, time and neighbourhood
    response = gp.post(NEW, patient(session))
    assert response.status_code == 302 and response["Location"] == LIST
    registration = Registration.objects.get()
    assert registration.channel == "professional"
    assert registration.referral_reason == "Bloeddruk verhoogd, wil meer bewegen"
    assert registration.participant.gp_practice == practice
    assert registration.participant.trajectories.exists()  # the trajectory is created
    assert PracticeReferral.objects.get().registration == registration
    listed = gp.get(LIST).content.decode()
    assert "Aicha El Amrani" in listed and "Aangemeld" in listed
    assert AccessEvent.objects.filter(subject_type="practicereferral", action="list").exists()


def test_a_known_person_is_matched_not_doubled(client, region_a, practice, session):
    known = make_participant(
        region_a, family_name="El-Amrani", date_of_birth=dt.date(1968, 3, 14), phone="0612000000"
    )
    gp = practice_client(client, region_a, practice)
    gp.post(NEW, patient(session, family_name="El-Amrani"))
    assert Participant.objects.count() == 1
    assert Registration.objects.get().participant == known


def test_attendance_is_shown_only_with_consent_to_share_with_the_gp(
    client, region_a, practice, session
):
    gp = practice_client(client, region_a, practice)
    gp.post(NEW, patient(session))
    registration = Registration.objects.get()
    attendance_mark(registration=registration, attendance="present", by=Actor.system("test"))
    assert "Gekomen" not in gp.get(LIST).content.decode()
    give(registration.participant, "share_with_gp", make_user("coordinator", region_a))
    assert "Gekomen" in gp.get(LIST).content.decode()


def test_bad_input_is_a_message_at_the_field(client, region_a, practice, session):
    gp = practice_client(client, region_a, practice)
    response = gp.post(NEW, patient(session, phone="", reason=""))
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    assert not Registration.objects.exists()


def test_another_practice_does_not_see_the_referral(client, region_a, practice, session):
    practice_client(client, region_a, practice).post(NEW, patient(session))
    other = practice_client(client, region_a, make_practice(region_a))
    assert "El Amrani" not in other.get(LIST).content.decode()


def test_a_session_of_another_region_cannot_be_chosen(client, region_a, region_b, practice):
    theirs = make_consultation(
        region_b, starts_at=timezone.now() + dt.timedelta(days=7), status="open"
    )
    gp = practice_client(client, region_a, practice)
    response = gp.post(NEW, patient(theirs))
    assert response.status_code == 200 and not Registration.objects.exists()


@pytest.mark.parametrize(
    "role", ["coordinator", "professional", "host", "health_champion", "funder", "offer_partner"]
)
def test_other_roles_get_403(role, client_for):
    client = client_for(role)
    assert client.get(NEW).status_code == 403
    assert client.get(LIST).status_code == 403


def test_an_administrator_without_a_practice_cannot_refer(client_for, session):
    client = client_for("administrator")
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, patient(session)).status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get(NEW)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_list_query_count_does_not_grow(
    client, region_a, practice, session, django_assert_max_num_queries
):
    gp = practice_client(client, region_a, practice)

    def refer(n, start):
        for i in range(start, start + n):
            gp.post(NEW, patient(session, family_name=f"Patient{i}", phone=f"06100000{i:02d}"))

    refer(2, 0)
    with django_assert_max_num_queries(10):
        gp.get(LIST)
    refer(8, 2)
    with django_assert_max_num_queries(10):
        assert "Patient9" in gp.get(LIST).content.decode()


def test_form_query_count_does_not_grow_with_sessions(
    client, region_a, practice, session, django_assert_max_num_queries
):
    gp = practice_client(client, region_a, practice)
    with django_assert_max_num_queries(8):
        gp.get(NEW)
    for days in range(8, 16):
        make_consultation(
            region_a, starts_at=timezone.now() + dt.timedelta(days=days), status="open"
        )
    with django_assert_max_num_queries(8):
        assert gp.get(NEW).status_code == 200
