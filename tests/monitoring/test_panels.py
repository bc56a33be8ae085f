"""The panel pre-aggregates (equity groups, hand-overs by state, drop-out reasons) give the
unfiltered views the very rows the facts give, one region and combined, and every refresh
(a station save, a hand-over step) leaves them as a rebuild from scratch would."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from groepsconsult.accounts.models import Membership
from groepsconsult.handovers.models import Handover
from groepsconsult.monitoring import panels_read
from groepsconsult.monitoring.aggregates import RETURN_DUE_DAYS, Filters
from groepsconsult.monitoring.equity import (
    _breakdown,
    _dimensions,
    _quintiles,
    equity_breakdowns,
    equity_rows_from_facts,
)
from groepsconsult.monitoring.models import DropoutRollup, EquityRollup, HandoverRollup
from groepsconsult.monitoring.panels import panels_rebuild
from groepsconsult.monitoring.process import (
    dropout_rows_from_facts,
    handover_rows_from_facts,
    person_indicator_counts,
    person_indicator_labels,
)
from groepsconsult.monitoring.services import facts_rebuild
from groepsconsult.participants.models import ParticipantBackground
from groepsconsult.trajectories.models import Trajectory
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.handovers import actor_of, make_handover, make_partner
from tests.factories.measurements import make_station_registration
from tests.factories.monitoring import plant

ALL = Filters()
PANELS = (EquityRollup, HandoverRollup, DropoutRollup)


def snapshot():
    return [
        sorted(
            str(sorted((k, v) for k, v in row.items() if k != "id")) for row in m.objects.values()
        )
        for m in PANELS
    ]


def vary(region):
    """Give the planted people of `region` different groups, states, reasons and hand-overs."""
    answers = itertools.cycle([("11", "1", "1"), ("212", "4", "3"), ("31", "2", "2"), ("", "", "")])
    statuses = itertools.cycle(["returned", "stopped", "lost", "follow_up", "baseline_done"])
    reasons = itertools.cycle(["Verhuisd", "geen tijd ", "ziek", "verhuisd"])
    languages = itertools.cycle(["nl", "tr", "ar", "en"])
    rows = Trajectory.objects.filter(baseline_consultation__region=region).order_by("pk")
    for i, trajectory in enumerate(rows):
        person = trajectory.participant
        person.preferred_language = next(languages)
        person.date_of_birth = dt.date(1950 + 7 * (i % 6), 3, 1)
        person.save()
        education, reading, health = next(answers)
        if education:
            ParticipantBackground.objects.create(
                participant=person,
                education=education,
                help_reading=reading,
                self_rated_health=health,
            )
        status = next(statuses)
        Trajectory.objects.filter(pk=trajectory.pk).update(
            status=status,
            stop_reason=next(reasons) if status in ("stopped", "lost") else "",
            follow_up_call_due=trajectory.baseline_consultation.starts_at.date()
            + dt.timedelta(weeks=6),
        )
        if i % 3 == 0:
            handover = make_handover(region, participant=person)
            if i % 2:
                Handover.objects.filter(pk=handover.pk).update(status="completed")


@pytest.fixture
def country(region_a, region_b):
    plant(region_a, "BU00000001", 12, seed=1)
    plant(region_a, "BU00000002", 11, seed=2, returned=False)
    plant(region_b, "BU00000004", 14, seed=4, sex="male")
    for region in (region_a, region_b):
        vary(region)
    facts_rebuild()  # the variations above went round the services
    return [region_a, region_b]


def summed(per_dimension):
    """{(region id, group): {indicator: n}} per dimension, whatever the rows' split."""
    result = []
    for rows in per_dimension:
        found: dict = {}
        for row in rows:
            figures = found.setdefault((row.get("region_id"), row["group"]), {})
            for name, n in row.items():
                if name not in ("region_id", "group"):
                    figures[name] = figures.get(name, 0) + n
        result.append(found)
    return result


def equity_both_paths(scope, *by):
    dimensions = _dimensions(({}, False))
    pairs = [(d[0], d[2]) for d in dimensions]
    rolled = panels_read.equity_rows(
        region=scope, dimensions=pairs, counts=person_indicator_counts(), by=by
    )
    return summed(rolled), summed(equity_rows_from_facts(scope, ALL, dimensions, *by))


def cells(rows, *names):
    return sorted(tuple(row[name] for name in names) for row in rows)


@pytest.mark.django_db
def test_panel_rows_equal_the_fact_rows_for_one_region_and_combined(country):
    for scope in (country[0], country):
        assert cells(panels_read.handover_rows(region=scope), "status", "domain", "n") == cells(
            handover_rows_from_facts(region=scope, filters=ALL), "status", "domain", "n"
        )
        dropout = cells(panels_read.dropout_rows(region=scope), "status", "reason", "n")
        assert dropout == cells(
            dropout_rows_from_facts(region=scope, filters=ALL), "status", "reason", "n"
        )
        assert {reason for _s, reason, _n in dropout} == {"verhuisd", "geen tijd", "ziek"}
        rolled, facts = equity_both_paths(scope)
        assert rolled == facts
        assert rolled[0] and all(figures["returned"] for figures in rolled[1].values())
    rolled, facts = equity_both_paths(country, "region_id")
    assert rolled == facts


@pytest.mark.django_db
def test_equity_tables_are_the_fact_paths_suppression_included(country):
    region = country[0]
    dimensions = _dimensions(_quintiles(region))
    labels = person_indicator_labels()
    facts = equity_rows_from_facts(region, ALL, dimensions)
    expected = [_breakdown(d, rows, labels) for d, rows in zip(dimensions, facts, strict=True)]
    shown = equity_breakdowns(region=region, filters=ALL)[1]
    assert shown == expected
    assert any(cell.suppressed for b in shown for _g, row in b.rows for cell, _s in row)


def attended_at(region, starts_at, status):
    """A person who came to a first session starting at `starts_at`."""
    first = make_consultation(region, starts_at=starts_at, status="held")
    registration = make_station_registration(first, attendance="present", checked_in_at=starts_at)
    return Trajectory.objects.create(
        participant=registration.participant,
        baseline_consultation=first,
        status=status,
        started_on=timezone.localdate(starts_at),
    )


@pytest.mark.django_db
def test_return_due_on_the_cut_off_day_is_decided_by_the_hour(region_a):
    """Six months ago today: a first session before the cut-off is due, one after it is not,
    though both are on the same day of the rollup."""
    cut_off = timezone.now() - dt.timedelta(days=RETURN_DUE_DAYS)
    day_start = timezone.localtime(cut_off).replace(hour=0, minute=0, second=0, microsecond=0)
    next_day = day_start + dt.timedelta(days=1)
    attended_at(region_a, day_start, "follow_up")  # due
    attended_at(region_a, cut_off + (next_day - cut_off) / 2, "follow_up")  # not yet due
    attended_at(region_a, cut_off - dt.timedelta(days=3), "baseline_done")  # due, earlier day
    attended_at(region_a, cut_off + dt.timedelta(days=3), "returned")  # came back: due
    attended_at(region_a, cut_off + dt.timedelta(days=4), "follow_up")  # not yet due
    facts_rebuild(region=region_a)
    rolled, facts = equity_both_paths(region_a)
    assert rolled == facts
    totals = {}
    for figures in rolled[3].values():  # sex: every person in one group
        for name, n in figures.items():
            totals[name] = totals.get(name, 0) + n
    assert (totals["attended"], totals["return_due"]) == (5, 3)


def rebuilt_equals_incremental():
    incremental = snapshot()
    panels_rebuild()
    assert snapshot() == incremental
    return incremental


@pytest.mark.django_db
def test_a_hand_over_step_refreshes_the_cell_as_a_rebuild_would(country, region_a):
    handover = Handover.objects.filter(region=region_a, status="requested").first()
    partner = make_partner(region_a, handover.offer)
    before = cells(panels_read.handover_rows(region=region_a), "status", "domain", "n")
    from groepsconsult.handovers.services import handover_advance

    handover_advance(
        handover=handover,
        to_status=Handover.Status.ACCEPTED,
        membership=Membership.objects.get(user=partner),
        by=actor_of(partner, role="offer_partner", region_slug=region_a.slug),
    )
    after = cells(panels_read.handover_rows(region=region_a), "status", "domain", "n")
    assert ("accepted", "social", 1) in after and after != before
    rebuilt_equals_incremental()


@pytest.mark.django_db
def test_a_station_save_that_ticks_the_door_counts_the_person_as_attended(client_for, region_a):
    first = make_consultation(region_a)
    registration = make_station_registration(first)
    Trajectory.objects.create(
        participant=registration.participant,
        baseline_consultation=first,
        started_on=timezone.localdate(first.starts_at),
    )
    facts_rebuild(region=region_a)
    attended = dict.fromkeys(["before", "after"])
    attended["before"] = sum(EquityRollup.objects.values_list("attended", flat=True))
    response = client_for("professional").post(
        f"/measurements/entries/{registration.public_id}/?station=care",
        {"systolic": "141", "diastolic": "88", "method": "self"},
    )
    assert response.status_code in (200, 302)
    attended["after"] = sum(EquityRollup.objects.values_list("attended", flat=True))
    assert attended == {"before": 0, "after": 6}  # one person, in each of the six dimensions
    rebuilt_equals_incremental()


@pytest.mark.django_db
def test_rebuild_recomputes_rows_that_went_stale(country, region_a):
    expected = snapshot()
    EquityRollup.objects.filter(region=region_a).update(attended=999)
    HandoverRollup.objects.all().delete()
    DropoutRollup.objects.create(region=region_a, status="lost", reason="stale", people=3)
    facts_rebuild(region=region_a)
    facts_rebuild(region=country[1])
    assert snapshot() == expected


@pytest.mark.django_db
def test_a_measured_value_alone_leaves_the_panels_untouched(client_for, region_a, country):
    """A station save that changes no group, state or count costs two small reads, no writes."""
    person = make_participant(region_a)
    first = Trajectory.objects.filter(baseline_consultation__region=region_a).first()
    registration = make_station_registration(
        first.baseline_consultation,
        participant=person,
        attendance="present",
        checked_in_at=first.baseline_consultation.starts_at,
    )
    Trajectory.objects.create(
        participant=person,
        baseline_consultation=first.baseline_consultation,
        status="baseline_done",
        started_on=first.started_on,
    )
    facts_rebuild(region=region_a)
    ids = set(EquityRollup.objects.values_list("pk", flat=True))
    client_for("professional").post(
        f"/measurements/entries/{registration.public_id}/?station=care",
        {"systolic": "141", "diastolic": "88", "method": "self"},
    )
    assert set(EquityRollup.objects.values_list("pk", flat=True)) == ids  # not rewritten
    rebuilt_equals_incremental()
