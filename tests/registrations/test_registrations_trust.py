"""Security review findings 1 and 2 on the public sign-up form (issue 10)."""

import datetime as dt
import re

import pytest
from django.test import override_settings
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.registrations.models import Registration
from tests.factories.registrations import make_open_consultation, public_form_data


def _url(consultation, suffix=""):
    return f"/aanmelden/{consultation.public_id}/{suffix}"


def _sign_up(client, consultation, **overrides):
    response = client.post(_url(consultation), public_form_data(**overrides), follow=True)
    # Tokens and nonces differ per response; everything else must be the same.
    return re.sub(r'(Token": "|nonce="|token" value=")[^"]*', "", response.content.decode())


def test_finding_1_duplicate_sign_up_gets_the_same_answer_as_a_new_one(client, region_a):
    consultation = make_open_consultation(region_a)
    first = _sign_up(client, consultation)
    again = _sign_up(client, consultation)
    stranger = _sign_up(client, consultation, given_name="Fatma", family_name="Demir")
    assert again == first  # the answer does not reveal who is signed up
    assert stranger.replace("Fatma", "").replace("Demir", "") == first.replace("Ayse", "").replace(
        "Yilmaz", ""
    )
    assert "al aangemeld" not in again
    assert Registration.objects.filter(consultation=consultation).count() == 2


def test_finding_1_duplicate_attempt_is_logged_with_region_and_nothing_saved(client, region_a):
    consultation = make_open_consultation(region_a)
    _sign_up(client, consultation)
    _sign_up(client, consultation, phone="06 99999999")
    registration = Registration.objects.get(consultation=consultation)
    assert registration.participant.phone != "06 99999999"  # contact details on file unchanged
    attempt = AccessEvent.objects.get(subject_type="registration_attempt")
    assert attempt.participant_id == registration.participant.public_id
    assert attempt.region_slug == region_a.slug


def test_finding_2_log_rows_of_a_sign_up_carry_region_and_client_ip(client, region_a):
    consultation = make_open_consultation(region_a)
    _sign_up(client, consultation)
    rows = AccessEvent.objects.filter(username="self-registration")
    assert rows.count() >= 3
    assert set(rows.values_list("region_slug", "ip_address")) == {(region_a.slug, "127.0.0.1")}


@override_settings(GC_TRUSTED_PROXY_COUNT=1)
def test_finding_2_client_ip_behind_the_proxy_is_the_real_client(client, region_a):
    consultation = make_open_consultation(region_a)
    client.post(
        _url(consultation),
        public_form_data(),
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7",
    )
    rows = AccessEvent.objects.filter(username="self-registration")
    assert set(rows.values_list("ip_address", flat=True)) == {"203.0.113.7"}


@override_settings(GC_SIGNUP_RATE_PER_CLIENT="3/h")
def test_finding_2_one_client_is_limited_per_hour(client, region_a):
    consultation = make_open_consultation(region_a, capacity=15)
    for i in range(3):
        _sign_up(client, consultation, given_name=f"Naam{'abc'[i]}")
    body = _sign_up(client, consultation, given_name="Naamd")
    assert "probeer het over een uur opnieuw" in body.lower()
    assert Registration.objects.filter(consultation=consultation).count() == 3


@override_settings(GC_TRUSTED_PROXY_COUNT=1, GC_SIGNUP_RATE_PER_CLIENT="1/h")
def test_finding_2_limit_is_per_real_client_not_per_proxy(client, region_a):
    consultation = make_open_consultation(region_a)
    for i, ip in enumerate(("203.0.113.7", "203.0.113.8")):
        client.post(
            _url(consultation),
            public_form_data(given_name=f"Naam{'ab'[i]}"),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=ip,
        )
    assert Registration.objects.filter(consultation=consultation).count() == 2


@override_settings(GC_SIGNUP_CAP_PER_SESSION_HOUR=2, GC_SIGNUP_RATE_PER_CLIENT="100/h")
def test_finding_2_sign_ups_per_session_are_capped_per_hour(client, region_a):
    consultation = make_open_consultation(region_a, capacity=15)
    for name in ("Aa", "Bb"):
        _sign_up(client, consultation, given_name=name)
    body = _sign_up(client, consultation, given_name="Cc")
    assert "afgelopen uur" in body
    assert Registration.objects.filter(consultation=consultation).count() == 2
    Registration.objects.update(created_at=timezone.now() - dt.timedelta(hours=2))
    _sign_up(client, consultation, given_name="Cc")
    assert Registration.objects.filter(consultation=consultation).count() == 3


@pytest.mark.parametrize("header", ["", "not-an-ip", "1.2.3.4, bogus"])
@override_settings(GC_TRUSTED_PROXY_COUNT=1)
def test_forged_or_broken_forwarded_header_falls_back_to_the_proxy(rf, header):
    from groepsconsult.core.clientip import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=header)
    assert client_ip(request) == "10.0.0.2"


def _flood(client, consultation, ip, names):
    for name in names:
        client.post(_url(consultation), public_form_data(given_name=name), REMOTE_ADDR=ip)


@override_settings(GC_SIGNUP_RATE_PER_CLIENT="100/h", GC_SIGNUP_CAP_PER_SESSION_HOUR=100)
def test_finding_2_coordinator_removes_bogus_sign_ups_from_one_address_and_undoes(
    client, client_for, region_a
):
    consultation = make_open_consultation(region_a)
    _flood(client, consultation, "198.51.100.9", ["Bot", "Botb", "Botc"])
    _flood(client, consultation, "203.0.113.5", ["Echt"])
    coordinator = client_for("coordinator")
    page = coordinator.get(f"/aanmelden/sessions/{consultation.public_id}/remove-bogus/")
    assert page.status_code == 200 and "198.51.100.9" in page.content.decode()
    now = timezone.localtime()
    window = {
        "since": (now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "until": (now + dt.timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M"),
        "ip_address": "198.51.100.9",
    }
    coordinator.post(f"/aanmelden/sessions/{consultation.public_id}/remove-bogus/", window)
    registered = Registration.objects.filter(consultation=consultation, status="registered")
    assert list(registered.values_list("participant__given_name", flat=True)) == ["Echt"]
    removal = consultation.signup_removals.get()
    coordinator.post(f"/aanmelden/removals/{removal.public_id}/undo/")
    assert registered.count() == 4
    again = coordinator.post(f"/aanmelden/removals/{removal.public_id}/undo/", follow=True)
    assert again.status_code == 200 and registered.count() == 4


def test_bogus_removal_pages_are_scoped_and_need_the_permission(client_for, region_a, region_b):
    other = make_open_consultation(region_b)
    own = make_open_consultation(region_a)
    coordinator = client_for("coordinator")
    assert (
        coordinator.get(f"/aanmelden/sessions/{other.public_id}/remove-bogus/").status_code == 404
    )
    funder = client_for("funder")
    assert funder.get(f"/aanmelden/sessions/{own.public_id}/remove-bogus/").status_code == 403


def test_bogus_removal_page_query_count_does_not_grow(
    client, client_for, region_a, django_assert_max_num_queries
):
    consultation = make_open_consultation(region_a)
    coordinator = client_for("coordinator")
    url = f"/aanmelden/sessions/{consultation.public_id}/remove-bogus/"
    with django_assert_max_num_queries(30) as small:
        coordinator.get(url)
    few = len(small.captured_queries)
    with override_settings(GC_SIGNUP_RATE_PER_CLIENT="100/h", GC_SIGNUP_CAP_PER_SESSION_HOUR=99):
        _flood(client, consultation, "198.51.100.9", ["Aa", "Bb", "Cc", "Dd"])
    with django_assert_max_num_queries(few):
        assert coordinator.get(url).status_code == 200


def test_undo_of_another_regions_removal_is_404(client_for, region_b):
    from groepsconsult.registrations.models import SignupRemoval

    other = make_open_consultation(region_b)
    removal = SignupRemoval.objects.create(
        consultation=other,
        since=timezone.now(),
        until=timezone.now(),
        removed_by=client_for("coordinator", region_b).user,
    )
    response = client_for("coordinator").post(f"/aanmelden/removals/{removal.public_id}/undo/")
    assert response.status_code == 404
    assert client_for("funder").post(
        f"/aanmelden/removals/{removal.public_id}/undo/"
    ).status_code in (403, 404)
