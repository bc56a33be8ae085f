"""One person, one record: a walk-in who is already known (GP import, earlier registration) is
offered as "Bedoelt u ...?" and registered on the existing record."""

import datetime as dt

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import import services as gp_services
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_consultation, make_organisation, make_participant
from tests.factories.gp_import import gp_csv, gp_row

BY = Actor(user_id=None, username="tester", role="coordinator", region_slug="alpha")


@pytest.fixture
def session(region_a):
    return make_consultation(region_a, status="open")


def _walk_in(**extra):
    return {
        "given_name": "Ayse",
        "family_name": "Kilic",
        "date_of_birth": "14-03-1968",
        "sex": "female",
        "phone": "06 1234 5678",
        **extra,
    }


def _url(session):
    return f"/aanmelden/sessions/{session.public_id}/door/walk-in/"


def test_gp_import_then_door_ends_with_one_record(client_for, region_a, session):
    practice = make_organisation(region_a, kind="gp_practice")
    row = gp_row(1, Naam="Kılıç, Ayşe", Geboortedatum="14-03-1968", Telefoon="0612345678")
    gp_services.gp_selection_import(
        region=region_a,
        gp_practice=practice,
        consultation=session,
        file_name="selectie.csv",
        data=gp_csv([row]),
        by=BY,
    )
    imported = Participant.objects.get()
    host = client_for("host")
    asked = host.post(_url(session), _walk_in())
    page = asked.content.decode()
    assert "Bedoelt u een van deze mensen?" in page and "Kılıç" in page
    assert Participant.objects.count() == 1 and not Registration.objects.exists()
    assert AccessEvent.objects.filter(participant_id=imported.public_id, action="list").exists()
    done = host.post(_url(session), _walk_in(existing=str(imported.public_id)))
    assert done.status_code == 302
    assert Participant.objects.count() == 1
    registration = Registration.objects.get()
    assert registration.participant == imported and registration.attendance == "present"


def test_someone_else_with_the_same_birth_date_can_still_be_made(client_for, region_a, session):
    make_participant(region_a, family_name="Kilic", date_of_birth=dt.date(1968, 3, 14))
    response = client_for("host").post(_url(session), _walk_in(confirm_new="1"))
    assert response.status_code == 302
    assert Participant.objects.count() == 2


def test_no_match_registers_at_once(client_for, region_a, session):
    make_participant(region_a, family_name="Kilic", date_of_birth=dt.date(1970, 1, 1))
    response = client_for("host").post(_url(session), _walk_in())
    assert response.status_code == 302
    assert Participant.objects.count() == 2


def test_a_match_in_another_region_is_not_offered_nor_usable(client_for, region_b, session):
    theirs = make_participant(
        region_b, given_name="Ayşe", family_name="Kılıç", date_of_birth=dt.date(1968, 3, 14)
    )
    host = client_for("host")
    assert "Kılıç" not in host.post(_url(session), _walk_in()).content.decode()
    assert host.post(_url(session), _walk_in(existing=str(theirs.public_id))).status_code == 404


def test_the_existing_person_already_on_the_list_is_refused(client_for, region_a, session):
    known = make_participant(
        region_a, given_name="Ayşe", family_name="Kılıç", date_of_birth=dt.date(1968, 3, 14)
    )
    Registration.objects.create(consultation=session, participant=known, channel="self")
    response = client_for("host").post(_url(session), _walk_in(existing=str(known.public_id)))
    assert response.status_code == 200
    assert "staat al op de lijst" in response.content.decode()
    assert Registration.objects.count() == 1


def test_the_door_asks_a_walk_ins_language(client_for, session):
    page = client_for("host").get(f"/aanmelden/sessions/{session.public_id}/door/")
    assert 'name="preferred_language"' in page.content.decode()
    client_for("host").post(_url(session), _walk_in(preferred_language="tr"))
    assert Participant.objects.get().preferred_language == "tr"


def _staff_new(session):
    return f"/aanmelden/sessions/{session.public_id}/register/new/"


STAFF_DATA = {
    "given_name": "Ayse",
    "family_name": "Kilic",
    "date_of_birth": "1968-03-14",
    "sex": "female",
    "preferred_language": "tr",
    "route-channel": "community",
    "route-community_contact": "Moskee",
}


def test_staff_registration_of_a_known_person_asks_first_and_uses_the_record(
    client_for, region_a, session
):
    known = make_participant(
        region_a, given_name="Ayşe", family_name="Kılıç", date_of_birth=dt.date(1968, 3, 14)
    )
    client = client_for("coordinator")
    asked = client.post(_staff_new(session), STAFF_DATA)
    assert asked.status_code == 200
    assert "Bedoelt u een van deze mensen?" in asked.content.decode()
    assert Participant.objects.count() == 1
    # The match button submits the same form to the pick step with the known id.
    picked = client.post(
        f"/aanmelden/sessions/{session.public_id}/register/",
        {**STAFF_DATA, "action": "pick", "participant": str(known.public_id)},
    )
    assert picked.status_code == 302
    assert Participant.objects.count() == 1
    assert Registration.objects.get().participant == known


def test_staff_can_still_make_a_new_record_for_someone_else(client_for, region_a, session):
    make_participant(region_a, family_name="Kilic", date_of_birth=dt.date(1968, 3, 14))
    response = client_for("coordinator").post(
        _staff_new(session), {**STAFF_DATA, "confirm_new": "1"}
    )
    assert response.status_code == 302
    assert Participant.objects.count() == 2
