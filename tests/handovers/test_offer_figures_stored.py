"""The stored hand-over figures of an offer equal a recount after every kind of hand-over change,
and the social map reads them in one query however many hand-overs its offers had (issue 12)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from groepsconsult.accounts.models import Membership
from groepsconsult.handovers import policies
from groepsconsult.handovers.models import ENDED, Handover, OfferHandoverFigures
from groepsconsult.handovers.selectors import (
    offer_handover_figures,
    offer_handover_figures_count,
)
from groepsconsult.handovers.services import handover_advance, offer_figures_rebuild
from tests.factories.backbone import make_organisation, make_user
from tests.factories.handovers import actor_of, make_handover
from tests.factories.offers import make_offer

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
S = Handover.Status


def every_path(status=S.PROPOSED):
    """Every walk through the policy's table from a proposal to an end."""
    if status in ENDED:
        return [[]]
    return [[to, *rest] for to in sorted(policies.TRANSITIONS[status]) for rest in every_path(to)]


def assert_stored_equal_recount(*offers):
    ids = [o.pk for o in offers]
    assert offer_handover_figures(offer_ids=ids) == offer_handover_figures_count(offer_ids=ids)


def walk(handover, coordinator, path, start_hours):
    membership = Membership.objects.get(user=coordinator)
    for n, to in enumerate(path, start=1):
        handover = handover_advance(
            handover=handover,
            to_status=to,
            membership=membership,
            by=actor_of(coordinator, role="coordinator"),
            reason="Vol" if to in policies.NEEDS_REASON else "",
            first_appointment_on=dt.date(2026, 12, 20) if to == S.APPOINTMENT_PLANNED else None,
            now=T0 + dt.timedelta(hours=start_hours + 7 * n),
        )
        yield handover


def test_stored_figures_equal_a_recount_after_every_step_of_every_path(region_a):
    offer = make_offer(region_a, organisation=make_organisation(region_a, kind="sport"))
    other = make_offer(region_a, organisation=offer.organisation)
    make_handover(region_a, offer=other)
    coordinator = make_user("coordinator", region_a)
    paths = every_path()
    assert len(paths) >= 10  # requested, accepted, declined, contacted, ... every end
    for n, path in enumerate(paths):
        handover = make_handover(region_a, offer=offer, request=False, now=T0)
        assert_stored_equal_recount(offer, other)
        for _ in walk(handover, coordinator, path, start_hours=5 * n):
            assert_stored_equal_recount(offer, other)
    stored = offer_handover_figures(offer_ids=[offer.pk])[offer.pk]
    assert stored["requested"] == sum(S.REQUESTED in p for p in paths)
    assert stored["median_days"] is not None and stored["acceptance_rate"] is not None


def test_a_request_at_once_and_a_proposal_are_stored_as_counted(region_a):
    proposed = make_handover(region_a, request=False)
    assert offer_handover_figures(offer_ids=[proposed.offer.pk]) == {}  # not requested: no row
    requested = make_handover(region_a, request=True)
    assert offer_handover_figures(offer_ids=[requested.offer.pk]) == {
        requested.offer.pk: {
            "requested": 1,
            "answered": 0,
            "accepted": 0,
            "acceptance_rate": None,
            "median_days": None,
        }
    }


def test_a_refused_step_leaves_the_stored_figures_as_they_were(region_a):
    handover = make_handover(region_a)
    before = offer_handover_figures(offer_ids=[handover.offer.pk])
    coordinator = make_user("coordinator", region_a)
    with pytest.raises(ValidationError):
        list(walk(handover, coordinator, [S.COMPLETED], start_hours=1))
    assert offer_handover_figures(offer_ids=[handover.offer.pk]) == before


def test_rebuild_monitoring_recounts_figures_of_rows_written_around_the_services(region_a):
    """A bulk load (the synthetic generator) writes hand-overs without the services; the rebuild
    that follows it makes the stored figures true again, and drops those of offers without any."""
    kept = make_handover(region_a)
    gone = make_handover(region_a)
    Handover.objects.filter(pk=kept.pk).update(
        status=S.CONTACTED, first_contact_at=T0 + dt.timedelta(days=3)
    )
    Handover.objects.filter(pk=gone.pk).update(status=S.PROPOSED, requested_at=None)
    call_command("rebuild_monitoring", region=region_a.slug, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert_stored_equal_recount(kept.offer, gone.offer)
    assert offer_handover_figures(offer_ids=[kept.offer.pk])[kept.offer.pk]["median_days"] == 3.0
    assert not OfferHandoverFigures.objects.filter(offer=gone.offer).exists()
    assert offer_figures_rebuild() == 1


def test_figures_of_a_page_of_offers_are_one_query(region_a, django_assert_num_queries):
    offers = [make_handover(region_a).offer for _ in range(3)]
    with django_assert_num_queries(1):
        figures = offer_handover_figures(offer_ids=[o.pk for o in offers])
    assert set(figures) == {o.pk for o in offers}


@pytest.mark.parametrize("handovers", [2, 12])
def test_the_offers_page_queries_do_not_grow_with_hand_overs(
    client_for, region_a, handovers, django_assert_max_num_queries
):
    first = make_handover(region_a)
    for _ in range(handovers - 1):
        make_handover(region_a, offer=first.offer)
    client = client_for("coordinator")
    client.get("/offers/")  # warm-up: session and caches
    with django_assert_max_num_queries(9):
        response = client.get("/offers/")
    assert f"{handovers} overdrachten" in response.content.decode()  # Dutch: the default
