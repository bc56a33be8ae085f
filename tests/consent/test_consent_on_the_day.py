"""Consent on the day: each person's status at the door, the station and the booklets, and the
one-tap page that reads the text out in their language and records the answer."""

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.consent.models import Consent
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.consent import ensure_consent_texts, give
from tests.factories.measurements import make_station_registration

GP = "share_with_gp"


@pytest.fixture(autouse=True)
def texts(db):
    return ensure_consent_texts()


@pytest.fixture
def registration(region_a):
    participant = make_participant(
        region_a, given_name="Ayşe", family_name="Kılıç", preferred_language="tr"
    )
    return make_station_registration(make_consultation(region_a), participant=participant)


def _ask(registration, next_url="/"):
    return f"/consent/participant/{registration.participant.public_id}/ask/?next={next_url}"


@pytest.mark.parametrize(
    "url",
    [
        lambda r: f"/aanmelden/sessions/{r.consultation.public_id}/door/",
        lambda r: f"/measurements/entries/{r.public_id}/?station=care",
        lambda r: f"/documents/booklets/{r.consultation.public_id}/",
    ],
    ids=["door", "station", "booklets"],
)
def test_status_and_ask_link_are_shown_where_people_are_seen(url, client_for, registration):
    role = "host" if "door" in url(registration) else "professional"
    page = client_for(role).get(url(registration)).content.decode()
    assert "Toestemming huisarts: nog niet gevraagd" in page
    assert f"/consent/participant/{registration.participant.public_id}/ask/" in page


def test_given_consent_shows_given_and_no_ask_link(client_for, registration, region_a):
    give(registration.participant, GP, client_for("coordinator").user)
    url = f"/aanmelden/sessions/{registration.consultation.public_id}/door/"
    page = client_for("host").get(url).content.decode()
    assert "Toestemming huisarts: gegeven" in page
    assert "/ask/" not in page


def test_ask_page_reads_the_text_in_the_participants_language(client_for, registration):
    response = client_for("host").get(_ask(registration))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="tr"' in page
    assert AccessEvent.objects.filter(
        participant_id=registration.participant.public_id, action="view"
    ).exists()


def test_one_tap_records_the_answer_and_goes_back(client_for, registration):
    door = f"/aanmelden/sessions/{registration.consultation.public_id}/door/"
    data = {
        "next": door,
        "purpose": GP,
        f"{GP}-version": "2026.1",
        f"{GP}-how": "digital",
        f"{GP}-decision": "given",
    }
    url = f"/consent/participant/{registration.participant.public_id}/"
    response = client_for("host").post(url, data)
    assert response.status_code == 302 and response["Location"] == door
    consent = Consent.objects.get(participant=registration.participant)
    assert consent.decision == "given" and consent.recorded_how == "digital"


def test_ask_page_cast(client_for, registration, region_b):
    assert client_for("funder").get(_ask(registration)).status_code == 403
    other = make_station_registration(region=region_b)
    assert client_for("host").get(_ask(other)).status_code == 404


def test_ask_page_sends_anonymous_to_login(client, registration):
    response = client.get(_ask(registration))
    assert response.status_code == 302 and "login" in response["Location"]


def test_ask_page_query_count(client_for, registration, django_assert_max_num_queries):
    client = client_for("host")
    with django_assert_max_num_queries(14):
        client.get(_ask(registration))
