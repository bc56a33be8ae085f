"""Merging two records of one person (administrator): history moves, the merge is logged."""

import datetime as dt

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.consent.models import Consent
from groepsconsult.measurements.models import Measurement
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.consent import ensure_consent_texts, give
from tests.factories.measurements import make_measurement, make_station_registration

BORN = dt.date(1968, 3, 14)


@pytest.fixture
def pair(region_a):
    keep = make_participant(region_a, given_name="Ayşe", family_name="Kılıç", date_of_birth=BORN)
    dup = make_participant(
        region_a, given_name="Ayse", family_name="Kilic", date_of_birth=BORN, email="a@example.org"
    )
    return keep, dup


def _url(p):
    return f"/participants/{p.public_id}/merge/"


def test_administrator_sees_the_duplicate_and_merges_it_with_its_history(
    client_for, region_a, pair
):
    keep, dup = pair
    ensure_consent_texts()
    client = client_for("administrator")
    registration = make_station_registration(make_consultation(region_a), participant=dup)
    make_measurement(registration)
    give(dup, "share_with_gp", client.user)
    assert "Kilic" in client.get(_url(keep)).content.decode()
    response = client.post(_url(keep), {"duplicate": str(dup.public_id)})
    assert response.status_code == 302
    assert not Participant.objects.filter(pk=dup.pk).exists()
    keep.refresh_from_db()
    assert keep.email == "a@example.org"  # filled from the duplicate
    assert Registration.objects.get().participant == keep
    assert Measurement.objects.get().registration.participant == keep
    assert Consent.objects.get().participant == keep
    events = AccessEvent.objects.filter(action="delete", subject_id=str(dup.public_id))
    assert {e.participant_id for e in events} == {keep.public_id, dup.public_id}
    assert all(str(keep.public_id) in e.detail for e in events)


def test_merge_refuses_two_registrations_for_one_session_and_changes_nothing(
    client_for, region_a, pair
):
    keep, dup = pair
    session = make_consultation(region_a)
    make_station_registration(session, participant=keep)
    make_station_registration(session, participant=dup)
    response = client_for("administrator").post(
        _url(keep), {"duplicate": str(dup.public_id)}, follow=True
    )
    assert "Annuleer er eerst één" in response.content.decode()
    assert Participant.objects.filter(pk=dup.pk).exists()
    assert Registration.objects.filter(participant=dup).count() == 1


@pytest.mark.parametrize("role", ["coordinator", "physician", "host"])
def test_merge_is_for_administrators_only(role, client_for, pair):
    keep, dup = pair
    client = client_for(role)
    assert client.get(_url(keep)).status_code == 403
    assert client.post(_url(keep), {"duplicate": str(dup.public_id)}).status_code == 403
    assert Participant.objects.count() == 2


def test_merge_with_another_regions_record_is_404(client_for, region_b, pair):
    keep, _dup = pair
    theirs = make_participant(region_b, family_name="Kilic", date_of_birth=BORN)
    client = client_for("administrator")
    assert client.post(_url(keep), {"duplicate": str(theirs.public_id)}).status_code == 404
    assert client.get(_url(theirs)).status_code == 404
    assert client.post(_url(keep), {"duplicate": "not-a-uuid"}).status_code == 404


def test_merge_page_sends_anonymous_to_login(client, pair):
    response = client.get(_url(pair[0]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_merge_page_query_count(client_for, pair, django_assert_max_num_queries):
    client = client_for("administrator")
    with django_assert_max_num_queries(14):
        client.get(_url(pair[0]))
