"""The administrator manages the region's users; other roles and other regions cannot."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from groepsconsult.accounts.models import Membership, User
from groepsconsult.audit.models import AccessEvent
from tests.factories.backbone import make_organisation, make_user


def test_admin_adds_a_coordinator_who_can_log_in_with_the_one_time_password(client_for, region_a):
    admin = client_for("administrator")
    response = admin.post(
        "/users/new/",
        {
            "username": "yasmina",
            "first_name": "Yasmina",
            "last_name": "Bouzid",
            "email": "yasmina@example.org",
            "role": "coordinator",
        },
    )
    assert response.status_code == 200
    password = response.context["password"]
    assert Membership.objects.get(user__username="yasmina").region == region_a
    assert AccessEvent.objects.filter(subject_type="membership", action="change").exists()
    fresh = Client()
    response = fresh.post(
        "/account/login/", {"username": "yasmina", "password": password}, follow=True
    )
    # must enrol two-factor first, through the link e-mailed to the user only
    assert "Stel je authenticator-app in" in response.content.decode()
    assert "<svg" not in response.content.decode()


def test_gp_practice_user_needs_a_practice(client_for):
    response = client_for("administrator").post(
        "/users/new/",
        {"username": "praktijk", "first_name": "A", "last_name": "B", "role": "gp_practice"},
    )
    assert response.status_code == 200
    assert "moet bij een huisartsenpraktijk horen" in response.content.decode()
    assert not User.objects.filter(username="praktijk").exists()


def _add_existing(client, username):
    return client.post(
        "/users/new/",
        {"username": username, "first_name": "R", "last_name": "Z", "role": "professional"},
    )


def test_region_admin_cannot_attach_an_account_of_another_region(client_for, region_b):
    other = make_user("coordinator", region_b, username="reiziger")
    response = _add_existing(client_for("administrator"), "reiziger")
    assert "Alleen de installatiebeheerder" in response.content.decode()
    assert other.memberships.count() == 1


def test_region_admin_cannot_attach_an_installation_account(client_for, region_a):
    User.objects.create_superuser(username="root", password="pw-Unused-12345")
    response = _add_existing(client_for("administrator"), "root")
    assert "Alleen de installatiebeheerder" in response.content.decode()
    assert not Membership.objects.filter(user__username="root").exists()


def test_installation_admin_attaches_an_account_of_another_region(client_for, region_b):
    other = make_user("coordinator", region_b, username="reiziger")
    installation = client_for("administrator")
    User.objects.filter(pk=installation.user.pk).update(is_superuser=True, is_staff=True)
    response = _add_existing(installation, "reiziger")
    assert response.context["password"] is None
    assert other.memberships.count() == 2


def test_region_admin_cannot_reset_two_factor_of_a_multi_region_account(
    client_for, region_a, region_b
):
    member = make_user("physician", region_a)
    Membership.objects.create(user=member, region=region_b, role="physician")
    admin = client_for("administrator")
    membership = member.memberships.get(region=region_a)
    assert "installatiebeheerder" in admin.get(f"/users/{membership.pk}/").content.decode()
    assert admin.post(f"/users/{membership.pk}/reset-two-factor/").status_code == 403
    assert TOTPDevice.objects.filter(user=member).exists()


def test_region_admin_cannot_reset_two_factor_of_a_staff_account(client_for, region_a):
    member = make_user("physician", region_a)
    User.objects.filter(pk=member.pk).update(is_staff=True)
    membership = member.memberships.get()
    assert (
        client_for("administrator").post(f"/users/{membership.pk}/reset-two-factor/").status_code
        == 403
    )
    assert TOTPDevice.objects.filter(user=member).exists()


def test_admin_switches_a_member_off(client_for, region_a):
    member = make_user("professional", region_a)
    membership = member.memberships.get()
    response = client_for("administrator").post(
        f"/users/{membership.pk}/", {"role": "professional"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert not membership.is_active


def test_reset_two_factor_removes_the_devices(client_for, region_a):
    member = make_user("physician", region_a)
    client_for("administrator").post(f"/users/{member.memberships.get().pk}/reset-two-factor/")
    assert not TOTPDevice.objects.filter(user=member).exists()


def test_other_regions_memberships_are_404(client_for, region_b):
    stranger = make_user("coordinator", region_b).memberships.get()
    admin = client_for("administrator")
    assert admin.get(f"/users/{stranger.pk}/").status_code == 404
    assert admin.post(f"/users/{stranger.pk}/reset-two-factor/").status_code == 404


@pytest.mark.parametrize("role", ["coordinator", "physician", "privacy_officer", "funder"])
def test_other_roles_may_not_manage_users(role, client_for, region_a):
    client = client_for(role)
    assert client.get("/users/").status_code == 403
    assert client.get("/users/new/").status_code == 403


def test_anonymous_to_login(client, db):
    assert client.get("/users/").status_code == 302


def test_list_query_count_does_not_grow(client_for, region_a, django_assert_max_num_queries):
    admin = client_for("administrator")
    with django_assert_max_num_queries(12) as few:
        admin.get("/users/")
    for i in range(30):
        make_user(
            "gp_practice",
            region_a,
            organisation=make_organisation(region_a, kind="gp_practice"),
            username=f"gp{i}",
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin.get("/users/")
