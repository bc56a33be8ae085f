"""Hand-over services and policy: the legal steps, the trail, reasons, stall signals, figures."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from groepsconsult.accounts.models import Membership
from groepsconsult.handovers import policies
from groepsconsult.handovers.models import ENDED, Handover, Signal
from groepsconsult.handovers.selectors import (
    offer_handover_figures,
    offer_handover_figures_count,
)
from groepsconsult.handovers.services import (
    handover_advance,
    signal_resolve,
    signals_detect_handovers,
)
from tests.factories.backbone import make_user
from tests.factories.handovers import actor_of, make_handover, make_partner

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
S = Handover.Status


def step(handover, user, to, days=0, **kw):
    membership = Membership.objects.get(user=user)
    return handover_advance(
        handover=handover,
        to_status=to,
        membership=membership,
        by=actor_of(user, role=membership.role),
        now=T0 + dt.timedelta(days=days),
        **kw,
    )


@pytest.fixture
def handover(region_a):
    return make_handover(region_a)


@pytest.fixture
def partner(handover, region_a):
    return make_partner(region_a, handover.offer)


def test_every_status_that_has_not_ended_has_a_way_on():
    assert set(S.values) - set(policies.TRANSITIONS) == ENDED


def test_the_full_closed_loop_leaves_a_trail(handover, partner):
    step(handover, partner, S.ACCEPTED, days=1)
    step(handover, partner, S.CONTACTED, days=2)
    step(
        handover, partner, S.APPOINTMENT_PLANNED, days=2, first_appointment_on=dt.date(2026, 12, 8)
    )
    step(handover, partner, S.STARTED, days=7)
    done = step(handover, partner, S.COMPLETED, days=60)
    assert done.status == S.COMPLETED
    trail = [e.to_status for e in done.events.all()]
    assert trail == ["proposed", "requested", "accepted", "contacted", "appointment_planned"] + [
        "started",
        "completed",
    ]
    assert done.first_contact_at == T0 + dt.timedelta(days=2)


def test_an_illegal_step_is_refused(handover, partner):
    with pytest.raises(ValidationError):
        step(handover, partner, S.COMPLETED)
    handover.refresh_from_db()
    assert handover.status == S.REQUESTED


def test_an_ended_hand_over_cannot_move(handover, partner):
    step(handover, partner, S.DECLINED, reason="Groep vol")
    with pytest.raises(ValidationError):
        step(handover, partner, S.ACCEPTED)


def test_the_receiver_cannot_request_and_a_host_takes_no_step(region_a):
    proposal = make_handover(region_a, request=False)
    partner = make_partner(region_a, proposal.offer)
    with pytest.raises(PermissionDenied):
        step(proposal, partner, S.REQUESTED)
    with pytest.raises(PermissionDenied):
        step(proposal, make_user("host", region_a), S.STOPPED)


def test_declining_needs_a_reason_and_planning_needs_a_date(handover, partner):
    with pytest.raises(ValidationError) as exc:
        step(handover, partner, S.DECLINED, reason=" ")
    assert "reason" in exc.value.message_dict
    step(handover, partner, S.ACCEPTED)
    step(handover, partner, S.CONTACTED)
    with pytest.raises(ValidationError) as exc:
        step(handover, partner, S.APPOINTMENT_PLANNED)
    assert "first_appointment_on" in exc.value.message_dict


def test_a_request_not_moved_within_the_response_time_becomes_one_signal(handover):
    # The offer agreed on 5 days: day 4 is fine, day 6 is a stall; running again adds nothing.
    assert signals_detect_handovers(now=T0 + dt.timedelta(days=4))["stalled"] == 0
    assert signals_detect_handovers(now=T0 + dt.timedelta(days=6))["stalled"] == 1
    assert signals_detect_handovers(now=T0 + dt.timedelta(days=7))["stalled"] == 0
    signal = Signal.objects.get()
    assert signal.owner == handover.referrer and signal.is_open


def test_moving_on_resolves_the_stall_signal(handover, partner):
    signals_detect_handovers(now=T0 + dt.timedelta(days=6))
    step(handover, partner, S.ACCEPTED, days=6)
    signal = Signal.objects.get()
    assert not signal.is_open and signal.resolution


def test_a_stopped_hand_over_signals_until_someone_decides(handover, partner):
    step(handover, partner, S.ACCEPTED)
    step(handover, partner, S.STOPPED, reason="Knie geblesseerd")
    assert signals_detect_handovers(now=T0)["ended"] == 1
    signal = Signal.objects.get(kind=Signal.Kind.HANDOVER_ENDED)
    coordinator = handover.referrer
    signal_resolve(
        signal=signal,
        resolution="Nieuwe overdracht: zwemmen",
        by=actor_of(coordinator),
    )
    assert signals_detect_handovers(now=T0 + dt.timedelta(days=1))["ended"] == 0
    with pytest.raises(ValidationError):
        signal_resolve(signal=signal, resolution="Nog eens", by=actor_of(coordinator))


def test_offer_figures_acceptance_rate_and_median_days(region_a):
    first = make_handover(region_a)
    offer = first.offer
    second = make_handover(region_a, offer=offer)
    third = make_handover(region_a, offer=offer)
    partner = make_partner(region_a, offer)
    step(first, partner, S.ACCEPTED, days=1)
    step(first, partner, S.CONTACTED, days=2)
    step(second, partner, S.ACCEPTED, days=1)
    step(second, partner, S.CONTACTED, days=4)
    step(third, partner, S.DECLINED, reason="Vol")
    figures = offer_handover_figures(offer_ids=[offer.pk])[offer.pk]
    assert figures["requested"] == 3
    assert figures["acceptance_rate"] == 67
    assert figures["median_days"] == 3.0


def test_offer_figures_median_of_an_even_count_in_part_days(region_a):
    first = make_handover(region_a)
    offer, partner = first.offer, make_partner(region_a, first.offer)
    handovers = [first] + [make_handover(region_a, offer=offer) for _ in range(3)]
    for handover, days in zip(handovers, [1, 2.5, 3, 10], strict=True):
        step(handover, partner, S.ACCEPTED, days=0.5)
        step(handover, partner, S.CONTACTED, days=days)
    make_handover(region_a, offer=offer)  # requested, not answered: counted, no contact
    figures = offer_handover_figures(offer_ids=[offer.pk])[offer.pk]
    assert figures == {"requested": 5, "answered": 4, "accepted": 4} | {
        "acceptance_rate": 100,
        "median_days": 2.8,  # (2.5 + 3) / 2 = 2.75, to one decimal
    }


def test_offer_figures_are_counted_by_the_database(region_a, django_assert_num_queries):
    """Grouped counts (per status, per hour to first contact): the rows read do not grow with
    the hand-overs (issue 12: the offers page read every hand-over of its offers)."""
    first = make_handover(region_a)
    partner = make_partner(region_a, first.offer)
    for _ in range(6):
        handover = make_handover(region_a, offer=first.offer)
        step(handover, partner, S.ACCEPTED, days=1)
        step(handover, partner, S.CONTACTED, days=2)
    with django_assert_num_queries(2) as captured:
        figures = offer_handover_figures_count(offer_ids=[first.offer.pk])
    assert all("GROUP BY" in q["sql"] for q in captured.captured_queries)
    assert figures[first.offer.pk]["requested"] == 7
    assert figures[first.offer.pk]["median_days"] == 2.0
