"""Sessions: a GET writes nothing, the idle clock ignores polling, no-store, session messages,
a new session key after the second factor, and the cost of the logged-in base page."""

import time
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_totp.models import TOTPDevice

from groepsconsult.accounts.middleware import LAST_ACTIVITY_KEY, POLLING_HEADER
from groepsconsult.accounts.models import Membership
from tests.accounts.test_login import PASSWORD, code_for
from tests.factories.backbone import make_region, make_user

WRITES = ("INSERT", "UPDATE", "DELETE")


def writes_during(client, url, **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].lstrip().upper().startswith(WRITES) and "audit_accessevent" not in q["sql"]
    ]


def set_last_activity(client, seconds_ago):
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds_ago
    session.save()


def last_activity(client):
    return client.session[LAST_ACTIVITY_KEY]


def test_a_get_on_a_logged_in_page_writes_nothing(client_for):
    client = client_for("coordinator")
    client.get("/account/roles/")  # the first request stamps the idle clock once
    for url in ["/account/roles/", "/", "/participants/", "/consultations/"]:
        assert writes_during(client, url) == [], url


def test_the_logged_in_base_page_needs_at_most_four_queries(
    client_for, django_assert_max_num_queries
):
    client = client_for("coordinator")
    client.get("/account/roles/")
    # session, user, authenticator device, memberships (with region and organisation)
    with django_assert_max_num_queries(4):
        assert client.get("/account/roles/").status_code == 200


def test_the_base_page_cost_does_not_grow_with_regions(client_for, django_assert_max_num_queries):
    client = client_for("coordinator")
    for _ in range(5):
        Membership.objects.create(user=client.user, region=make_region(), role="host")
    client.get("/account/roles/")
    with django_assert_max_num_queries(4):
        assert client.get("/account/roles/").status_code == 200


def test_polling_does_not_renew_the_idle_clock(client_for, settings):
    client = client_for("coordinator")
    set_last_activity(client, 300)
    before = last_activity(client)
    client.get("/account/roles/", HTTP_HX_REQUEST="true", HTTP_X_POLLING="true")
    assert last_activity(client) == before
    client.get("/account/roles/")  # a user action
    assert last_activity(client) > before


def test_idle_session_is_logged_out_and_polling_stops(client_for, settings):
    client = client_for("coordinator")
    set_last_activity(client, settings.SESSION_IDLE_SECONDS + 1)
    response = client.get("/account/roles/", HTTP_HX_REQUEST="true", HTTP_X_POLLING="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/account/login/")
    response = client.get("/account/roles/")
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")


def test_a_session_active_within_the_timeout_stays(client_for, settings):
    client = client_for("coordinator")
    set_last_activity(client, settings.SESSION_IDLE_SECONDS - 30)
    assert client.get("/account/roles/").status_code == 200


def test_pages_of_logged_in_users_are_not_stored(client_for, client, db):
    response = client_for("coordinator").get("/account/roles/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    # A form shown again with a resident's own entries is not stored either.
    response = client.post("/account/login/", {"username": "someone", "password": "x"})
    assert "no-store" in response["Cache-Control"]


def test_flash_messages_stay_on_the_server(client_for):
    client = client_for("coordinator")
    other = make_region(name="Gamma", slug="gamma")
    Membership.objects.create(user=client.user, region=other, role="funder")
    response = client.post("/account/region/", {"region": other.pk})
    assert "messages" not in response.cookies
    assert "Gamma" in client.get("/").content.decode()


def test_the_session_key_changes_after_the_second_factor(region_a):
    user = make_user("coordinator", region_a)
    client = Client()
    client.post("/account/login/", {"username": user.username, "password": PASSWORD})
    before = client.session.session_key
    device = TOTPDevice.objects.get(user=user)
    assert client.post("/account/two-factor/", {"token": code_for(device)}).status_code == 302
    assert client.session.session_key != before
    assert client.get("/account/roles/").status_code == 200


def test_every_polling_element_marks_its_requests_as_polling():
    """A timer-driven refresh without the header would keep an idle tablet logged in."""
    root = Path(__file__).resolve().parents[2] / "groepsconsult"
    missing = [
        f"{path.relative_to(root)}: {line.strip()[:60]}"
        for path in root.rglob("*.html")
        for line in path.read_text().splitlines()
        if 'hx-trigger="every' in line and POLLING_HEADER not in line
    ]
    assert missing == []
