"""Privacy duties: statement, register, subject access, rectification history, erasure, retention."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.html import escape

from groepsconsult.audit.models import AccessEvent
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.goals.models import Goal
from groepsconsult.measurements.models import Measurement
from groepsconsult.participants.models import Participant, ParticipantChange
from groepsconsult.participants.services import participant_update
from groepsconsult.privacy import register
from groepsconsult.privacy.services import apply_retention
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.consent import actor
from tests.factories.documents import make_goal, make_registration, measure_all


@pytest.fixture
def person(region_a):
    participant = make_participant(
        region_a, given_name="Fatma", family_name="Yildiz", phone="0612345678"
    )
    consultation = make_consultation(region_a)
    registration = make_registration(consultation, participant)
    measure_all(registration)
    make_goal(participant, consultation, goal_text="Wandelen met mijn zus Ayse")
    return participant


def _search(client, participant):
    return client.post(
        "/privacy/subjects/",
        {
            "family_name": participant.family_name.upper(),
            "date_of_birth": participant.date_of_birth.isoformat(),
        },
    )


def test_statement_is_public_and_speaks_turkish(client, db):
    assert "Autoriteit Persoonsgegevens" in client.get("/privacy/").content.decode()
    client.cookies["django_language"] = "tr"
    response = client.get("/privacy/")
    assert response.headers["Content-Language"] == "tr"
    assert "Haklarınız" in response.content.decode()


def test_every_consent_purpose_is_in_the_register():
    assert set(ConsentPurpose.values) <= set(register.DETAILS)


def test_register_page_for_the_privacy_officer_only(client_for):
    body = client_for("privacy_officer").get("/privacy/register/").content.decode()
    with translation.override("nl"):
        assert all(escape(str(label)) in body for label in ConsentPurpose.labels)
    assert client_for("host").get("/privacy/register/").status_code == 403


def test_subject_search_finds_the_person_and_logs_it(client_for, person):
    response = _search(client_for("privacy_officer"), person)
    assert str(person.public_id) in response.content.decode()
    assert AccessEvent.objects.filter(participant_id=person.public_id, detail="search").exists()


def test_subject_access_json_holds_everything_and_is_logged(client_for, person):
    client = client_for("privacy_officer")
    client.get(f"/privacy/subjects/{person.public_id}/")
    response = client.get(f"/privacy/subjects/{person.public_id}/export.json")
    data = json.loads(response.content)
    tables = {s["table"]: len(s["rows"]) for s in data["sections"]}
    assert data["participant"]["given_name"] == "Fatma"
    assert (
        tables["measurements.Measurement"]
        == Measurement.objects.filter(registration__participant=person).count()
    )
    assert tables["goals.Goal"] == 1
    assert AccessEvent.objects.filter(
        participant_id=person.public_id, action=AccessEvent.Action.EXPORT
    ).exists()
    assert data["access_log"], "the export lists who opened the record"


def test_subject_access_pdf_is_a_pdf(client_for, person):
    response = client_for("privacy_officer").get(f"/privacy/subjects/{person.public_id}/export.pdf")
    assert response.content.startswith(b"%PDF") and "no-store" in response["Cache-Control"]


def test_subject_access_is_scoped_to_region_and_role(client_for, person, region_b):
    assert (
        client_for("privacy_officer", region=region_b)
        .get(f"/privacy/subjects/{person.public_id}/")
        .status_code
        == 404
    )
    assert (
        client_for("coordinator").get(f"/privacy/subjects/{person.public_id}/").status_code == 403
    )


def test_a_correction_keeps_what_it_replaced(client_for, person):
    user = client_for("coordinator").user
    person.phone = "0687654321"
    participant_update(participant=person, by=actor(user), purpose="correction")
    change = ParticipantChange.objects.get(participant=person)
    assert (change.field, change.old_value, change.new_value) == (
        "phone",
        "0612345678",
        "0687654321",
    )


def test_anonymise_removes_identity_and_keeps_the_figures(client_for, person):
    client = client_for("privacy_officer")
    measurements = Measurement.objects.filter(registration__participant=person).count()
    refused = client.post(f"/privacy/subjects/{person.public_id}/anonymise/", {})
    assert (
        refused.status_code == 302 and Participant.objects.get(pk=person.pk).anonymised_at is None
    )
    client.post(f"/privacy/subjects/{person.public_id}/anonymise/", {"confirm": "on"})
    person.refresh_from_db()
    assert (person.given_name, person.phone, person.date_of_birth.month) == ("—", "", 1)
    assert Measurement.objects.filter(registration__participant=person).count() == measurements
    assert Goal.objects.get(trajectory__participant=person).goal_text == ""
    assert AccessEvent.objects.filter(
        participant_id=person.public_id, action=AccessEvent.Action.DELETE
    ).exists()


def test_retention_anonymises_only_the_long_inactive(region_a, person, settings):
    old = make_participant(region_a, family_name="Oud")
    old_session = make_consultation(region_a, starts_at=timezone.now() - dt.timedelta(days=1000))
    make_registration(old_session, old)
    Participant.objects.filter(pk=old.pk).update(updated_at=timezone.now() - dt.timedelta(days=900))
    assert apply_retention(dry_run=True) == {"inactive_participant": 1}
    assert Participant.objects.get(pk=old.pk).anonymised_at is None
    call_command("apply_retention")
    assert Participant.objects.get(pk=old.pk).anonymised_at is not None
    assert Participant.objects.get(pk=person.pk).anonymised_at is None
