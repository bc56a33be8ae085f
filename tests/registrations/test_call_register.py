"""The call list's "registered" outcome registers the person through the registration service."""

from groepsconsult.participants.models import CallListEntry
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_consultation, make_organisation, make_participant
from tests.factories.gp_import import importer_role, make_import_batch


def _entry(region, *, consultation=True):
    practice = make_organisation(region, kind="gp_practice")
    person = make_participant(region, gp_practice=practice)
    session = make_consultation(region, status="open") if consultation else None
    make_import_batch(region, gp_practice=practice, participants=[person], consultation=session)
    return CallListEntry.objects.get(batch__region=region), session


def _url(entry):
    return f"/aanmelden/calls/{entry.public_id}/registered/"


def test_registered_outcome_places_the_person_in_the_intended_session(client_for, region_a):
    entry, session = _entry(region_a)
    client = client_for(importer_role())
    response = client.post(_url(entry), {"note": "komt met buurvrouw"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Aangemeld" in response.content.decode()
    registration = Registration.objects.get(participant=entry.participant)
    assert (registration.consultation, registration.channel) == (session, "gp_selection")
    entry.refresh_from_db()
    assert (entry.outcome, entry.note, entry.called_by) == (
        "registered",
        "komt met buurvrouw",
        client.user,
    )
    trajectory = entry.participant.trajectories.get()
    assert trajectory.baseline_consultation == session
    # A second click keeps the one place.
    assert client.post(_url(entry), HTTP_HX_REQUEST="true").status_code == 200
    assert Registration.objects.filter(participant=entry.participant).count() == 1


def test_the_old_outcome_form_is_followed_to_the_same_path(client_for, region_a):
    entry, session = _entry(region_a)
    client = client_for(importer_role())
    response = client.post(
        f"/participants/import/calls/{entry.public_id}/", {"outcome": "registered"}, follow=True
    )
    assert response.status_code == 200
    assert Registration.objects.filter(participant=entry.participant, consultation=session).exists()


def test_without_an_intended_session_it_says_so_and_writes_nothing(client_for, region_a):
    entry, _session = _entry(region_a, consultation=False)
    response = client_for(importer_role()).post(_url(entry), HTTP_HX_REQUEST="true")
    assert "niet bedoeld voor een groepsconsult" in response.content.decode()
    entry.refresh_from_db()
    assert entry.outcome == "not_called" and not Registration.objects.exists()


def test_call_register_cast(client_for, client, region_a, region_b):
    entry, _session = _entry(region_a)
    assert client_for("host").post(_url(entry)).status_code == 403
    response = client.post(_url(entry))
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    foreign, _ = _entry(region_b)
    assert client_for(importer_role()).post(_url(foreign)).status_code == 404
    assert not Registration.objects.exists()
