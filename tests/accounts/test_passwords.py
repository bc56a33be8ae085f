"""One-time passwords expire and must be changed; the user alone enrols their phone (e-mailed
link); password change and reset by e-mail link."""

import datetime as dt
import re

from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from groepsconsult.accounts.models import User
from tests.accounts.test_login import PASSWORD, code_for, enrolment_link
from tests.factories.backbone import make_user

NEW_PASSWORD = "a-Long-new-password-2026"


def add_member(admin, email="yasmina@example.org"):
    response = admin.post(
        "/users/new/",
        {
            "username": "yasmina",
            "first_name": "Yasmina",
            "last_name": "B",
            "email": email,
            "role": "coordinator",
        },
    )
    return response


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_new_user_enrols_through_the_emailed_link_and_chooses_a_password(
    client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = add_member(client_for("administrator"))
    password = response.context["password"]
    assert "verloopt na 72 uur" in response.content.decode()
    user = User.objects.get(username="yasmina")
    assert user.must_change_password
    (message,) = mail.outbox
    assert message.to == ["yasmina@example.org"] and "/account/enrol/" in message.body
    client = Client()
    client.post("/account/login/", {"username": "yasmina", "password": password})
    client.get(link_in(message))
    assert "<svg" in client.get("/account/two-factor/").content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post("/account/two-factor/", {"token": code_for(device)})
    # Verified, but every page sends them to choose their own password first.
    response = client.get("/participants/")
    assert response.status_code == 302 and response["Location"].startswith("/account/password/")
    response = client.post(
        "/account/password/",
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password
    assert client.get("/participants/").status_code == 200


def test_whoever_knows_the_password_cannot_enrol_without_the_link(region_a):
    user = make_user("coordinator", region_a, verified_device=False)
    client = Client()
    client.post("/account/login/", {"username": user.username, "password": PASSWORD})
    response = client.get("/account/two-factor/")
    assert response.status_code == 403 and "<svg" not in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_forged_or_old_enrolment_link_is_refused(region_a, settings):
    user = make_user("coordinator", region_a, verified_device=False)
    assert Client().get("/account/enrol/1:forged:sig/").status_code == 400
    link = enrolment_link(user)
    settings.GC_ENROLMENT_LINK_HOURS = 0
    assert Client().get(link).status_code == 400


def test_an_expired_one_time_password_does_not_log_in(region_a):
    user = make_user("coordinator", region_a)
    User.objects.filter(pk=user.pk).update(
        one_time_password_expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    response = Client().post("/account/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "eenmalige wachtwoord is verlopen" in response.content.decode()


def test_a_user_changes_their_password(client_for):
    client = client_for("coordinator")
    assert client.get("/account/password/").status_code == 200
    response = client.post(
        "/account/password/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200  # the wrong current password is refused on the form
    response = client.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/account/roles/").status_code == 200  # still logged in


def test_password_reset_by_emailed_link(region_a):
    user = make_user("coordinator", region_a)
    User.objects.filter(pk=user.pk).update(
        email="c@example.org", one_time_password_expires_at=timezone.now()
    )
    client = Client()
    response = client.post("/account/password/reset/", {"email": "c@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    response = client.get(link_in(message), follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) and not user.must_change_password


def test_reset_for_an_unknown_address_looks_the_same(db):
    response = Client().post("/account/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302 and mail.outbox == []


def test_two_factor_reset_emails_a_new_enrolment_link(
    client_for, region_a, django_capture_on_commit_callbacks
):
    member = make_user("physician", region_a)
    User.objects.filter(pk=member.pk).update(email="p@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client_for("administrator").post(f"/users/{member.memberships.get().pk}/reset-two-factor/")
    assert [m.to for m in mail.outbox] == [["p@example.org"]]
