"""Participants: cast, scoping per role, access log on every read, query counts, no names in URLs."""

import re

import pytest

from groepsconsult.audit.models import AccessEvent
from groepsconsult.participants.models import Participant
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_neighbourhood, make_organisation, make_participant


@pytest.fixture
def alice(region_a):
    return make_participant(region_a, given_name="Alice", family_name="Achterberg", bsn="111222333")


@pytest.fixture
def bob(region_b):
    return make_participant(region_b, given_name="Bob", family_name="Buitenregio")


def test_list_shows_own_region_and_logs_each_row(client_for, alice, bob):
    client = client_for("professional")
    body = client.get("/participants/").content.decode()
    assert "Achterberg" in body and "Buitenregio" not in body
    event = AccessEvent.objects.get(action="list", participant_id=alice.public_id)
    assert (event.username, event.role, event.region_slug) == (
        client.user.username,
        "professional",
        "alpha",
    )


def test_list_never_shows_the_bsn(client_for, alice):
    assert "111222333" not in client_for("coordinator").get("/participants/").content.decode()


@pytest.mark.parametrize("role", ["funder", "researcher", "host", "privacy_officer"])
def test_list_is_forbidden_for_roles_without_personal_data(role, client_for):
    assert client_for(role).get("/participants/").status_code == 403


def test_list_requires_login(client, db):
    assert client.get("/participants/").status_code == 302


def test_detail_is_logged_as_view(client_for, alice):
    client = client_for("physician")
    response = client.get(f"/participants/{alice.public_id}/")
    assert response.status_code == 200
    assert (
        "111222333" in response.content.decode()
    )  # BSN on the record for roles that may change it
    assert (
        AccessEvent.objects.filter(
            action="view", participant_id=alice.public_id, username=client.user.username
        ).count()
        == 1
    )


def test_detail_of_another_region_is_404_and_not_logged(client_for, bob):
    assert client_for("coordinator").get(f"/participants/{bob.public_id}/").status_code == 404
    assert not AccessEvent.objects.filter(participant_id=bob.public_id).exists()


def test_detail_forbidden_for_funder(client_for, alice):
    assert client_for("funder").get(f"/participants/{alice.public_id}/").status_code == 403


def test_gp_practice_sees_only_its_own_patients(client_for, region_a):
    practice = make_organisation(region_a, kind="gp_practice")
    other_practice = make_organisation(region_a, kind="gp_practice")
    own = make_participant(region_a, gp_practice=practice)
    foreign = make_participant(region_a, gp_practice=other_practice)
    client = client_for("gp_practice", organisation=practice)
    assert client.get(f"/participants/{foreign.public_id}/").status_code == 404
    assert foreign.family_name not in client.get("/participants/").content.decode()
    assert own.public_id  # whether `own` shows depends on consent: see tests/consent


def test_health_champion_does_not_see_a_participant_without_contact_consent(client_for, alice):
    assert client_for("health_champion").get(f"/participants/{alice.public_id}/").status_code == 404


def test_search_term_is_posted_and_kept_out_of_the_url(client_for, alice, region_a):
    make_participant(region_a, family_name="Zomerdijk")
    client = client_for("coordinator")
    response = client.post("/participants/", {"q": "Achterberg"})
    assert response.status_code == 302 and "Achterberg" not in response["Location"]
    body = client.get(response["Location"]).content.decode()
    assert "Achterberg" in body and "Zomerdijk" not in body


def test_filter_by_neighbourhood(client_for, region_a):
    hood = make_neighbourhood(region_a, name="Moerwijk")
    inside = make_participant(region_a, neighbourhood=hood, family_name="Binnen")
    make_participant(region_a, family_name="Buiten")
    body = (
        client_for("coordinator")
        .get(f"/participants/?neighbourhood={hood.public_id}")
        .content.decode()
    )
    assert inside.family_name in body and "Buiten" not in body


def test_coordinator_registers_a_participant_with_trajectory_and_audit(client_for, region_a):
    client = client_for("coordinator")
    response = client.post(
        "/participants/new/",
        {
            "given_name": "Emine",
            "family_name": "Kaya",
            "date_of_birth": "1968-04-02",
            "sex": "female",
            "phone": "0612345678",
            "preferred_language": "tr",
        },
    )
    assert response.status_code == 302
    participant = Participant.objects.get(family_name="Kaya")
    assert participant.region == region_a
    assert Trajectory.objects.filter(participant=participant, status="registered").exists()
    assert (
        AccessEvent.objects.filter(action="create", participant_id=participant.public_id).count()
        == 2
    )


def test_invalid_bsn_is_refused_with_a_dutch_message_and_nothing_saved(client_for):
    response = client_for("coordinator").post(
        "/participants/new/",
        {
            "given_name": "X",
            "family_name": "Ongeldig",
            "date_of_birth": "1968-04-02",
            "sex": "male",
            "preferred_language": "nl",
            "bsn": "123456789",
        },
    )
    assert response.status_code == 200
    assert "elfproef" in response.content.decode()
    assert not Participant.objects.filter(family_name="Ongeldig").exists()


def test_edit_is_logged_as_change(client_for, alice):
    client = client_for("coordinator")
    response = client.post(
        f"/participants/{alice.public_id}/edit/",
        {
            "given_name": "Alice",
            "family_name": "Achterberg-Vos",
            "date_of_birth": "1970-05-01",
            "sex": "female",
            "preferred_language": "nl",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.family_name == "Achterberg-Vos"
    assert AccessEvent.objects.filter(action="change", participant_id=alice.public_id).exists()


def test_edit_forbidden_for_gp_practice_role(client_for, alice):
    assert (
        client_for("gp_practice").get(f"/participants/{alice.public_id}/edit/").status_code == 403
    )


def test_list_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    client = client_for("coordinator")
    make_participant(region_a)
    with django_assert_max_num_queries(14) as few:
        client.get("/participants/")
    for _ in range(40):
        make_participant(region_a, neighbourhood=make_neighbourhood(region_a))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/participants/")


def test_detail_query_count_does_not_grow(client_for, alice, django_assert_max_num_queries):
    client = client_for("coordinator")
    with django_assert_max_num_queries(14) as few:
        client.get(f"/participants/{alice.public_id}/")
    for _ in range(5):
        Trajectory.objects.create(participant=alice, started_on="2026-02-01")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/participants/{alice.public_id}/")


def test_finding_14_double_submit_creates_one_participant(client_for, region_a):
    client = client_for("coordinator")
    page = client.get("/participants/new/").content.decode()
    key = re.search(r'name="submission" value="([0-9a-f-]{36})"', page).group(1)
    data = {
        "given_name": "Emine",
        "family_name": "Dubbel",
        "date_of_birth": "1968-04-02",
        "sex": "female",
        "phone": "0612345678",
        "preferred_language": "tr",
        "submission": key,
    }
    first = client.post("/participants/new/", data)
    second = client.post("/participants/new/", data)
    assert first["Location"] == second["Location"]
    assert Participant.objects.filter(family_name="Dubbel").count() == 1
