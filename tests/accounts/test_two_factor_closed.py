"""Two-factor is closed by default: every route needs a verified login unless marked public.

The walk covers every URL pattern of the project (admin included), so a new view is covered
the moment it is routed: it redirects an unverified session to the two-factor step unless it is
deliberately added to INTENDED_PUBLIC below.
"""

import pytest
from django.core.checks import run_checks
from django.test import Client
from django.urls import reverse

from groepsconsult.accounts.middleware import view_is_public
from tests.factories.backbone import make_user
from tests.test_url_walk import every_pattern, fill

# The login steps, the residents' sign-up pages, the health check, the favicon and Django's
# language switch. Nothing else may be reachable without a verified second factor.
INTENDED_PUBLIC = {
    "accounts:login",
    "accounts:logout",
    "accounts:two-factor",
    "accounts:enrol",
    "accounts:password-reset",
    "accounts:password-reset-done",
    "accounts:password-reset-confirm",
    "accounts:password-reset-complete",
    "healthz",
    "metrics",  # answers only to METRICS_ALLOWED_IPS (loopback), 404 to everyone else
    "favicon",
    "privacy:statement",
    "set_language",
    "registrations:public-list",
    "registrations:public-session",
    "registrations:public-thanks",
    "registrations:public-ics",
    "registrations:public-cancel",  # a signed token names the place; shows only the session
}


class _Match:
    def __init__(self, view_name):
        self.view_name = view_name


def url_for(name, entry):
    groups = entry.pattern.regex.groupindex
    kwargs = fill(entry.pattern.converters, "00000000-0000-4000-8000-000000000000")
    kwargs.update({g: "accounts" for g in groups if g == "app_label"})
    kwargs.update({g: "x" for g in groups if g not in kwargs})
    return reverse(name, kwargs=kwargs)


def public_names():
    return {
        name or repr(entry)
        for name, entry in every_pattern()
        if view_is_public(entry.callback, _Match(name or ""))
    }


def test_the_public_views_are_exactly_the_intended_ones():
    assert public_names() == INTENDED_PUBLIC


@pytest.fixture
def unverified(region_a):
    client = Client()
    client.force_login(make_user("coordinator", region_a))
    return client


def test_every_other_route_sends_an_unverified_session_to_the_two_factor_step(unverified):
    checked, leaks = 0, []
    for name, entry in every_pattern():
        if name is None or name in INTENDED_PUBLIC:
            continue
        url = url_for(name, entry)
        for response in (unverified.get(url), unverified.post(url, {})):
            location = response.get("Location", "")
            if response.status_code != 302 or not location.startswith("/account/two-factor/"):
                leaks.append((name, response.status_code, location))
        checked += 1
    assert checked > 150, "the walk checked too few routes"
    assert leaks == []


def test_every_other_route_sends_an_anonymous_visitor_to_the_login(client, db):
    leaks = []
    for name, entry in every_pattern():
        if name is None or name in INTENDED_PUBLIC:
            continue
        response = client.get(url_for(name, entry))
        if response.status_code != 302 or "/account/login/" not in response["Location"]:
            leaks.append((name, response.status_code))
    assert leaks == []


def test_polling_with_an_unverified_session_redirects_the_whole_page(unverified):
    response = unverified.get("/participants/", HTTP_HX_REQUEST="true", HTTP_X_POLLING="true")
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/account/two-factor/")


def test_a_staff_page_under_the_residents_prefix_is_closed(unverified):
    response = unverified.get("/aanmelden/sessions/")
    assert response.status_code == 302 and response["Location"].startswith("/account/two-factor/")
    assert unverified.get("/aanmelden/").status_code == 200  # the residents' page stays open


def test_an_unknown_public_url_name_fails_the_system_check(settings):
    settings.GC_PUBLIC_URL_NAMES = ("set_language", "no-such-route")
    errors = [e for e in run_checks() if e.id == "groepsconsult.E003"]
    assert len(errors) == 1 and "no-such-route" in errors[0].msg


def test_the_configured_public_url_names_pass_the_system_check():
    assert not [e for e in run_checks() if e.id == "groepsconsult.E003"]
