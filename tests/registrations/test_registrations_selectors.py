"""The one way to reach registrations: region, role and consent in one query, by join and EXISTS.

A session's booklets page went from 11 to 36 ms when 100,000 participants were added to its
region, because registrations were filtered with `participant IN (every visible participant)`.
These tests pin the shape of the SQL and the query counts so that cannot come back.
"""

import pytest
from django.http import Http404

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor
from groepsconsult.registrations.selectors import (
    registration_find_by_day_number,
    registration_get_for_user,
    registration_list_for_consultation,
    registration_queryset_for_user,
)
from tests.factories.backbone import make_organisation, make_participant, make_user
from tests.factories.consent import give
from tests.factories.registrations import make_open_consultation, make_registration

pytestmark = pytest.mark.django_db


def _membership(role, region, **kw):
    return make_user(role, region, **kw).memberships.get()


@pytest.mark.parametrize("role", ["coordinator", "gp_practice", "health_champion"])
def test_registration_queryset_has_no_in_list_of_participants(region_a, role):
    for _ in range(3):
        make_participant(region_a)
    sql = str(registration_queryset_for_user(membership=_membership(role, region_a)).query)
    assert " IN (" not in sql.upper()
    assert "participants_participant" in sql  # the participant is joined, not listed


def test_gp_practice_reaches_only_its_consenting_patients(region_a):
    practice = make_organisation(region_a, kind="gp_practice")
    gp = make_user("gp_practice", region_a, organisation=practice)
    coordinator = make_user("coordinator", region_a)
    consultation = make_open_consultation(region_a)
    consenting = make_registration(consultation, make_participant(region_a, gp_practice=practice))
    give(consenting.participant, "share_with_gp", coordinator)
    silent = make_registration(consultation, make_participant(region_a, gp_practice=practice))
    elsewhere = make_registration(consultation)

    got = set(registration_queryset_for_user(membership=gp.memberships.get()))
    assert got == {consenting}
    everyone = set(registration_queryset_for_user(membership=coordinator.memberships.get()))
    assert everyone == {consenting, silent, elsewhere}


def test_registration_get_for_user_is_404_in_another_region(region_a, region_b):
    registration = make_registration(make_open_consultation(region_b))
    with pytest.raises(Http404):
        registration_get_for_user(
            membership=_membership("coordinator", region_a), public_id=registration.public_id
        )


def test_registration_find_by_day_number_skips_other_regions(region_a, region_b):
    theirs = make_open_consultation(region_b)
    make_registration(theirs, day_number=1)
    membership = _membership("coordinator", region_a)
    assert (
        registration_find_by_day_number(membership=membership, consultation=theirs, day_number=1)
        is None
    )


@pytest.mark.parametrize("people", [2, 12])
def test_registration_list_costs_the_same_for_any_number_of_people(
    region_a, people, django_assert_max_num_queries
):
    consultation = make_open_consultation(region_a, capacity=20)
    for number in range(1, people + 1):
        make_registration(consultation, day_number=number)
    membership = _membership("coordinator", region_a)
    by = Actor.system("test")
    with django_assert_max_num_queries(3):  # the list, the access-log rows, fixed for any size
        rows = registration_list_for_consultation(
            membership=membership, consultation=consultation, by=by, purpose=Purpose.CARE
        )
    assert len(rows) == people
