"""Password, then authenticator code; enrolment with a QR code; lockout; region switch; roles page."""

import pytest
from django.core import signing
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from groepsconsult.accounts.models import Membership
from groepsconsult.accounts.selectors import ENROLMENT_SALT
from tests.factories.backbone import make_region, make_user

PASSWORD = "pw-Unused-12345"


def enrolment_link(user):
    """The link the enrolment e-mail carries (see accounts.services.enrolment_link_send)."""
    return f"/account/enrol/{signing.TimestampSigner(salt=ENROLMENT_SALT).sign(str(user.pk))}/"


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_password_then_code_reaches_the_dashboard(region_a):
    user = make_user("coordinator", region_a)
    client = Client()
    response = client.post(
        "/account/login/", {"username": user.username, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0].startswith("/account/two-factor/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/account/two-factor/?next=/", {"token": code_for(device)})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_code_is_refused_with_a_message(region_a):
    user = make_user("coordinator", region_a)
    client = Client()
    client.post("/account/login/", {"username": user.username, "password": PASSWORD})
    response = client.post(
        "/account/two-factor/",
        {
            "token": "000000"
            if code_for(TOTPDevice.objects.get(user=user)) != "000000"
            else "111111"
        },
    )
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get("/participants/").status_code == 302  # still not verified


def test_unverified_user_cannot_reach_personal_data(region_a):
    user = make_user("coordinator", region_a)
    client = Client()
    client.force_login(user)
    response = client.get("/participants/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/")


def test_new_user_enrols_with_a_qr_code(region_a):
    user = make_user("physician", region_a, verified_device=False)
    client = Client()
    client.force_login(user)
    client.get(enrolment_link(user))
    response = client.get("/account/two-factor/")
    body = response.content.decode()
    assert "<svg" in body and "Stel je authenticator-app in" in body
    pending = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post("/account/two-factor/", {"token": code_for(pending)}).status_code == 302
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/participants/").status_code == 200


def test_every_role_must_enrol_before_reaching_a_page(region_a):
    """Closed by default: a role without personal data (funder) also logs in with two steps."""
    user = make_user("funder", region_a, verified_device=False)
    client = Client()
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/")


def test_login_is_locked_after_repeated_failures(region_a, settings):
    settings.AXES_ENABLED = True
    user = make_user("coordinator", region_a)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/account/login/", {"username": user.username, "password": "wrong"})
    response = client.post("/account/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "Te veel pogingen" in response.content.decode()


def test_switching_region_changes_what_is_shown(client_for, region_a):
    client = client_for("coordinator")
    other = make_region(name="Gamma", slug="gamma")
    Membership.objects.create(user=client.user, region=other, role="funder")
    assert client.get("/participants/").status_code == 200
    client.post("/account/region/", {"region": other.pk})
    assert client.get("/participants/").status_code == 403  # funder in Gamma


def test_region_switch_ignores_regions_the_user_is_not_in(client_for, region_b):
    client = client_for("coordinator")
    client.post("/account/region/", {"region": region_b.pk})
    assert client.get("/").context["membership"].region.slug == "alpha"


def test_roles_page_lists_every_role_in_dutch(client_for):
    body = client_for("host").get("/account/roles/").content.decode()
    for label in ["Coördinator", "Huisartsenpraktijk", "Onderzoeker", "Privacyfunctionaris"]:
        assert label in body


def test_english_interface_on_request(client_for):
    client = client_for("coordinator")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Neighbourhoods" in client.get("/").content.decode()


@pytest.mark.parametrize("path", ["/", "/account/roles/", "/ui/components/"])
def test_pages_need_login(client, db, path):
    response = client.get(path)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_dutch_by_default_even_for_an_english_browser(client, db):
    body = client.get("/account/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Inloggen" in body
