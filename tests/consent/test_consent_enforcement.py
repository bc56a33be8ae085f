"""Consent is enforced in participant_visible_queryset: give, see; withdraw, gone. History kept."""

import pytest

from groepsconsult.consent.models import Consent
from groepsconsult.consent.selectors import participants_with_consent
from groepsconsult.participants.models import Participant
from tests.factories.backbone import make_organisation, make_participant, make_user
from tests.factories.consent import give, withdraw

GP = "share_with_gp"
CONTACT = "contact_by_health_champion"


@pytest.fixture
def practice(region_a):
    return make_organisation(region_a, kind="gp_practice")


@pytest.fixture
def coordinator(region_a):
    return make_user("coordinator", region_a)


@pytest.fixture
def patient(region_a, practice):
    return make_participant(region_a, gp_practice=practice, family_name="Eigenpatient")


def _sees(client, participant):
    listed = participant.family_name in client.get("/participants/").content.decode()
    detail = client.get(f"/participants/{participant.public_id}/").status_code
    return listed, detail


def test_gp_practice_sees_own_patient_only_with_share_consent(
    client_for, practice, patient, coordinator
):
    client = client_for("gp_practice", organisation=practice)
    assert _sees(client, patient) == (False, 404)
    consent = give(patient, GP, coordinator)
    assert _sees(client, patient) == (True, 200)
    withdraw(consent, coordinator)
    assert _sees(client, patient) == (False, 404)


def test_gp_practice_needs_the_gp_purpose_not_another(client_for, practice, patient, coordinator):
    give(patient, CONTACT, coordinator)
    give(patient, "photos", coordinator)
    assert _sees(client_for("gp_practice", organisation=practice), patient) == (False, 404)


def test_gp_consent_does_not_open_another_practices_patient(
    client_for, region_a, practice, coordinator
):
    other = make_participant(region_a, gp_practice=make_organisation(region_a, kind="gp_practice"))
    give(other, GP, coordinator)
    assert _sees(client_for("gp_practice", organisation=practice), other) == (False, 404)


def test_health_champion_sees_only_participants_who_consent_to_contact(
    client_for, region_a, coordinator
):
    client = client_for("health_champion")
    person = make_participant(region_a, family_name="Belbaar")
    assert _sees(client, person) == (False, 404)
    consent = give(person, CONTACT, coordinator)
    assert _sees(client, person) == (True, 200)
    withdraw(consent, coordinator)
    assert _sees(client, person) == (False, 404)


def test_a_later_refusal_ends_the_consent_in_every_list(
    client_for, region_a, practice, patient, coordinator
):
    give(patient, GP, coordinator)
    give(patient, CONTACT, coordinator)
    give(patient, GP, coordinator, given=False)
    give(patient, CONTACT, coordinator, given=False)
    assert _sees(client_for("gp_practice", organisation=practice), patient) == (False, 404)
    assert _sees(client_for("health_champion"), patient) == (False, 404)


def test_consent_again_after_withdrawal_shows_again_and_keeps_history(
    client_for, region_a, coordinator
):
    client = client_for("health_champion")
    person = make_participant(region_a, family_name="Terug")
    withdraw(give(person, CONTACT, coordinator), coordinator)
    give(person, CONTACT, coordinator)
    assert _sees(client, person) == (True, 200)
    rows = Consent.objects.filter(participant=person, purpose=CONTACT).order_by("recorded_at", "id")
    assert [(c.decision, c.withdrawn_at is not None) for c in rows] == [
        ("given", True),
        ("given", False),
    ]


def test_care_team_sees_everyone_regardless_of_consent(client_for, region_a):
    person = make_participant(region_a, family_name="Zonderconsent")
    assert _sees(client_for("professional"), person) == (True, 200)


def test_consent_in_another_region_does_not_leak(client_for, region_b):
    stranger = make_participant(region_b, family_name="Buitenregio")
    give(stranger, CONTACT, make_user("coordinator", region_b))
    assert _sees(client_for("health_champion"), stranger) == (False, 404)


def test_participants_with_consent_is_one_query(region_a, coordinator, django_assert_num_queries):
    people = [make_participant(region_a) for _ in range(3)]
    for person in people[:2]:
        give(person, "anonymous_monitoring", coordinator)
    withdraw(give(people[1], "photos", coordinator), coordinator)
    with django_assert_num_queries(1):
        found = set(participants_with_consent(Participant.objects.all(), "anonymous_monitoring"))
    assert found == set(people[:2])
    assert list(participants_with_consent(Participant.objects.all(), "photos")) == []


def test_unknown_purpose_is_refused(region_a):
    with pytest.raises(ValueError):
        participants_with_consent(Participant.objects.all(), "marketing")


@pytest.mark.parametrize("role", ["gp_practice", "health_champion"])
def test_list_query_count_does_not_grow_with_consent_rows(
    role, client_for, region_a, practice, coordinator, django_assert_max_num_queries
):
    client = client_for(role, **({"organisation": practice} if role == "gp_practice" else {}))
    purpose = GP if role == "gp_practice" else CONTACT
    give(make_participant(region_a, gp_practice=practice), purpose, coordinator)
    with django_assert_max_num_queries(14) as few:
        assert client.get("/participants/").status_code == 200
    people = []
    for _ in range(15):
        person = make_participant(region_a, gp_practice=practice)
        withdraw(give(person, purpose, coordinator), coordinator)
        give(person, purpose, coordinator)
        give(person, "photos", coordinator)
        people.append(person)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get("/participants/").content.decode()
    assert all(str(p.public_id) in body for p in people)
