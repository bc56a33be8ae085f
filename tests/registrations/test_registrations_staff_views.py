"""Cast, access-log and query-count tests for the staff pages of registrations."""

import pytest
from django.test import Client

from groepsconsult.accounts.permissions import ROLES, Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from tests.factories.backbone import make_participant, make_professional, make_user
from tests.factories.registrations import make_open_consultation, make_registration

P = Permission


def _roles_with(permission):
    return sorted(role.value for role, spec in ROLES.items() if permission in spec.permissions)


def _roles_without(permission):
    return sorted(role.value for role, spec in ROLES.items() if permission not in spec.permissions)


# (name, method, permission, url builder from (consultation, registration))
VIEWS = [
    ("index", "get", P.CONSULTATION_VIEW, lambda c, r: "/aanmelden/sessions/"),
    ("list", "get", P.PARTICIPANT_LIST, lambda c, r: f"/aanmelden/sessions/{c.public_id}/"),
    (
        "flyer",
        "get",
        P.CONSULTATION_VIEW,
        lambda c, r: f"/aanmelden/sessions/{c.public_id}/flyer.pdf",
    ),
    (
        "create",
        "get",
        P.REGISTRATION_CREATE,
        lambda c, r: f"/aanmelden/sessions/{c.public_id}/register/",
    ),
    (
        "create-new",
        "get",
        P.REGISTRATION_CREATE,
        lambda c, r: f"/aanmelden/sessions/{c.public_id}/register/new/",
    ),
    (
        "cancel",
        "post",
        P.REGISTRATION_CREATE,
        lambda c, r: f"/aanmelden/registrations/{r.public_id}/cancel/",
    ),
    ("door", "get", P.ATTENDANCE_RECORD, lambda c, r: f"/aanmelden/sessions/{c.public_id}/door/"),
    (
        "door-count",
        "get",
        P.ATTENDANCE_RECORD,
        lambda c, r: f"/aanmelden/sessions/{c.public_id}/door/count/",
    ),
    (
        "walk-in",
        "post",
        P.ATTENDANCE_RECORD,
        lambda c, r: f"/aanmelden/sessions/{c.public_id}/door/walk-in/",
    ),
    (
        "attendance",
        "post",
        P.ATTENDANCE_RECORD,
        lambda c, r: f"/aanmelden/registrations/{r.public_id}/attendance/",
    ),
]
IDS = [v[0] for v in VIEWS]


def _objects(region):
    consultation = make_open_consultation(region)
    return consultation, make_registration(consultation)


@pytest.mark.parametrize(("name", "method", "permission", "url"), VIEWS, ids=IDS)
def test_permitted_role_gets_the_page(name, method, permission, url, client_for, region_a):
    consultation, registration = _objects(region_a)
    client = client_for(_roles_with(permission)[0])
    data = {"attendance": "present"} if name == "attendance" else {}
    response = getattr(client, method)(url(consultation, registration), data)
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(("name", "method", "permission", "url"), VIEWS, ids=IDS)
def test_role_without_the_permission_is_forbidden(
    name, method, permission, url, client_for, region_a
):
    consultation, registration = _objects(region_a)
    for role in _roles_without(permission):
        response = getattr(client_for(role), method)(url(consultation, registration))
        assert response.status_code == 403, role
    registration.refresh_from_db()
    assert registration.status == "registered" and registration.attendance == "unknown"


@pytest.mark.parametrize(("name", "method", "permission", "url"), VIEWS[1:], ids=IDS[1:])
def test_other_regions_objects_are_404(
    name, method, permission, url, client_for, region_a, region_b
):
    consultation, registration = _objects(region_b)
    client = client_for(_roles_with(permission)[0])
    assert getattr(client, method)(url(consultation, registration)).status_code == 404


@pytest.mark.parametrize(("name", "method", "permission", "url"), VIEWS, ids=IDS)
def test_anonymous_is_sent_to_login(name, method, permission, url, client, region_a):
    consultation, registration = _objects(region_a)
    response = getattr(client, method)(url(consultation, registration))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


@pytest.mark.parametrize(("name", "method", "permission", "url"), VIEWS, ids=IDS)
def test_password_alone_is_not_enough_under_the_open_prefix(
    name, method, permission, url, region_a
):
    """/aanmelden/ is open to residents in the two-factor middleware; staff pages still ask."""
    consultation, registration = _objects(region_a)
    client = Client()
    client.force_login(make_user("coordinator", region_a))
    response = getattr(client, method)(url(consultation, registration))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/account/two-factor/" in response["Location"]


def test_list_shows_names_routes_and_logs_one_row_per_participant(client_for, region_a):
    consultation = make_open_consultation(region_a)
    prof = make_professional(region_a, name="Dokter Jansen")
    shown = [
        make_registration(consultation, make_participant(region_a, family_name="Bakker")),
        make_registration(
            consultation,
            make_participant(region_a, family_name="Demir"),
            channel="professional",
            referred_by=prof,
            referral_reason="Prediabetes",
        ),
    ]
    other = make_registration(make_open_consultation(region_a))
    client = client_for("coordinator")
    body = client.get(f"/aanmelden/sessions/{consultation.public_id}/").content.decode()
    assert "Bakker" in body and "Demir" in body and "Dokter Jansen: Prediabetes" in body
    assert other.participant.family_name not in body
    logged = AccessEvent.objects.filter(
        action="list", subject_type="registration", username=client.user.username
    )
    assert sorted(str(e.participant_id) for e in logged) == sorted(
        str(r.participant.public_id) for r in shown
    )


def test_health_champion_sees_nobody_without_consent(client_for, region_a):
    consultation = make_open_consultation(region_a)
    make_registration(consultation, make_participant(region_a, family_name="Zonderakkoord"))
    body = (
        client_for("health_champion")
        .get(f"/aanmelden/sessions/{consultation.public_id}/")
        .content.decode()
    )
    assert "Zonderakkoord" not in body


@pytest.mark.parametrize(
    "url",
    ["/aanmelden/sessions/{c}/", "/aanmelden/sessions/{c}/door/", "/aanmelden/sessions/"],
    ids=["list", "door", "index"],
)
def test_query_count_does_not_grow(url, client_for, region_a, django_assert_max_num_queries):
    consultation = make_open_consultation(region_a)
    make_registration(consultation)
    client = client_for("administrator")
    page = url.format(c=consultation.public_id)
    with django_assert_max_num_queries(40) as few:
        assert client.get(page).status_code == 200
    for _ in range(12):
        make_registration(consultation)
        make_open_consultation(region_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(page).status_code == 200


def test_cancel_is_audited_and_keeps_the_row(client_for, region_a):
    registration = make_registration(make_open_consultation(region_a))
    client = client_for("coordinator")
    response = client.post(f"/aanmelden/registrations/{registration.public_id}/cancel/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert AccessEvent.objects.filter(
        action="change", subject_id=str(registration.public_id), username=client.user.username
    ).exists()


def test_search_is_posted_and_the_name_never_in_the_url(client_for, region_a):
    consultation = make_open_consultation(region_a)
    make_participant(region_a, given_name="Hatice", family_name="Kaya")
    client = client_for("professional")
    url = f"/aanmelden/sessions/{consultation.public_id}/register/"
    response = client.post(url, {"q": "Kaya"})
    assert response.status_code == 200
    assert "Kaya, Hatice" in response.content.decode()
    assert AccessEvent.objects.filter(action="list", subject_type="participant").exists()
    assert client.get(url + "?q=Kaya").content.decode().count("Kaya, Hatice") == 0


def test_professional_refers_an_existing_participant(client_for, region_a):
    consultation = make_open_consultation(region_a)
    participant = make_participant(region_a)
    prof = make_professional(region_a)
    client = client_for("professional")
    client.user.memberships.update(professional=prof)
    url = f"/aanmelden/sessions/{consultation.public_id}/register/"
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(
        url,
        {
            "action": "pick",
            "participant": participant.public_id,
            "route-channel": "professional",
            "route-referred_by": prof.pk,
            "route-referral_reason": "Verhoogde bloedsuiker",
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get(consultation=consultation, participant=participant)
    assert (registration.channel, registration.referred_by) == ("professional", prof)


def test_referral_without_reason_is_refused_in_dutch(client_for, region_a):
    consultation = make_open_consultation(region_a)
    participant = make_participant(region_a)
    response = client_for("professional").post(
        f"/aanmelden/sessions/{consultation.public_id}/register/",
        {"action": "pick", "participant": participant.public_id, "route-channel": "professional"},
    )
    assert response.status_code == 200
    assert "Geef de reden van de verwijzing." in response.content.decode()
    assert not Registration.objects.exists()


def test_cannot_pick_a_participant_of_another_region(client_for, region_a, region_b):
    consultation = make_open_consultation(region_a)
    foreign = make_participant(region_b)
    response = client_for("professional").post(
        f"/aanmelden/sessions/{consultation.public_id}/register/",
        {
            "action": "pick",
            "participant": foreign.public_id,
            "route-channel": "community",
            "route-community_contact": "Moskee",
        },
    )
    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_community_route_registers_a_new_participant(client_for, region_a):
    consultation = make_open_consultation(region_a, audience="women")
    client = client_for("coordinator")
    url = f"/aanmelden/sessions/{consultation.public_id}/register/new/"
    data = {
        "given_name": "Naima",
        "family_name": "El Amrani",
        "date_of_birth": "1975-02-02",
        "sex": "female",
        "preferred_language": "ar",
        "route-channel": "community",
        "route-community_contact": "Moedergroep basisschool De Regenboog",
    }
    assert client.post(url, data).status_code == 302
    registration = Registration.objects.get(participant__family_name="El Amrani")
    assert registration.community_contact == "Moedergroep basisschool De Regenboog"
    response = client.post(url, {**data, "family_name": "Boukhari", "sex": "male"})
    assert response.status_code == 200
    assert "alleen voor vrouwen" in response.content.decode()
    assert not Participant.objects.filter(family_name="Boukhari").exists()
