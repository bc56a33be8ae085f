"""Walk every URL pattern that takes an object id, as every role of region A, against the objects
of region B: none may answer 200 (or accept a POST).

Positive control: region B's own administrator must be able to open each object URL that the
walk checks, so the walk cannot pass vacuously.
"""

import uuid

import pytest
from django.apps import apps
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from groepsconsult.accounts.permissions import Role
from tests.conftest import verified_login
from tests.factories.backbone import (
    make_consultation,
    make_location,
    make_organisation,
    make_participant,
    make_professional,
    make_user,
)
from tests.factories.region_b_objects import make_app_objects

# Public by design (residents register without an account); they show no personal data.
PUBLIC_URL_NAMES = {
    "registrations:public-session",
    "registrations:public-ics",
    "registrations:public-thanks",
}


def every_pattern(resolver=None, namespace=""):
    """(url name or None, URLPattern) of every route of the project."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from every_pattern(entry, ns)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else None), entry


def object_patterns():
    """(url name, route kwargs, extra kwargs) of every named pattern with a uuid parameter."""
    for name, entry in every_pattern():
        converters = entry.pattern.converters
        if name and any(type(c).__name__ == "UUIDConverter" for c in converters.values()):
            yield name, converters, entry.default_args


def fill(converters, public_id):
    kwargs = {}
    for name, converter in converters.items():
        kind = type(converter).__name__
        kwargs[name] = (
            public_id if kind == "UUIDConverter" else (1 if kind == "IntConverter" else "x")
        )
    return kwargs


def all_public_ids():
    """(app label, public id) of every object that has one."""
    ids = []
    for model in apps.get_models():
        if any(f.name == "public_id" for f in model._meta.fields):
            label = model._meta.app_label
            ids += [(label, pid) for pid in model.objects.values_list("public_id", flat=True)]
    return ids


def url_the_owner_opens(owner, name, converters, objects):
    """One URL of this route that region B's administrator opens, else None.

    One object per route is enough: a view scopes its query the same way for every object. The
    route's own app's objects are tried first, so most routes match at the first tries; a 405
    ends the search at once (a POST-only action, listed in UNMATCHED_OK)."""
    namespace = name.split(":")[0]
    for _label, pid in sorted(objects, key=lambda found: found[0] != namespace):
        try:
            url = reverse(name, kwargs=fill(converters, pid))
        except NoReverseMatch:  # a route whose other parameters `fill` cannot guess
            return None
        status = owner.get(url).status_code
        if status == 200:
            return url
        if status == 405:
            return None
    return None


@pytest.fixture
def region_b_world(region_a, region_b):
    location = make_location(region_b)
    make_organisation(region_b, kind="gp_practice")
    make_professional(region_b)
    participant = make_participant(region_b)
    consultation = make_consultation(region_b, location=location)
    make_app_objects(region_b, participant=participant, consultation=consultation)
    owner = verified_login(Client(), make_user("administrator", region_b))
    return owner


def test_no_role_of_region_a_reaches_an_object_of_region_b(region_a, region_b_world):
    owner = region_b_world
    objects = all_public_ids()
    checked, unmatched = [], []
    for name, converters, _extra in object_patterns():
        if name in PUBLIC_URL_NAMES:
            continue
        url = url_the_owner_opens(owner, name, converters, objects)
        (checked if url else unmatched).append((name, [url] if url else []))
    assert checked, "the walk checked nothing"
    leaks = []
    for role in Role.values:
        client = verified_login(Client(), make_user(role, region_a))
        for name, urls in checked:
            for url in urls:
                got, posted = client.get(url).status_code, client.post(url, {}).status_code
                if got == 200 or posted in (200, 201, 302):
                    leaks.append((role, name, got, posted))
    assert leaks == []
    # Object URLs that even the owner could not open (e.g. POST-only actions) are listed here so
    # they are noticed; each must be covered by its own view tests.
    assert {n for n, _ in unmatched} <= UNMATCHED_OK, sorted(
        {n for n, _ in unmatched} - UNMATCHED_OK
    )


UNMATCHED_OK = {
    # POST-only actions, covered by their own cast tests.
    "measurements:alert-acknowledge",
    "measurements:inbody-confirm",
    "consultations:consultation-status",
    "consultations:roster-assign",
    "consultations:roster-station-add",
    "consultations:roster-remove",
    "consultations:runsheet-add",
    "consultations:runsheet-reset",
    "consultations:block-action",
    "registrations:registration-cancel",
    "registrations:attendance-mark",
    "registrations:walk-in",
    "registrations:signup-removal-undo",
    "offers:offer-confirm",
    "gp_import:batch-confirm",
    "gp_import:batch-cancel",
    "gp_import:call-outcome",
    "handovers:signal-resolve",
    "gpfeedback:feedback-acknowledge",
    "gpfeedback:feedback-prepare",
    "privacy:subject-anonymise",
    "registrations:call-register",
    "research:export-download",
    "monitoring:target-delete",
    "returns:invitation-register",
}


def test_random_ids_are_404_not_500(client_for, region_b_world):
    client = client_for("administrator")
    for name, converters, _extra in object_patterns():
        if name in PUBLIC_URL_NAMES:
            continue
        status = client.get(reverse(name, kwargs=fill(converters, uuid.uuid4()))).status_code
        assert status in (404, 405, 403), (name, status)
