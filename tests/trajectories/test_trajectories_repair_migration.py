"""The data migration repairs trajectories from registrations and attendance.

Run against the current models (the fields it touches are unchanged since the migration)."""

import datetime as dt
from importlib import import_module

from django.apps import apps

from groepsconsult.trajectories.models import Trajectory, TrajectoryEvent
from tests.factories.backbone import make_consultation, make_participant
from tests.factories.registrations import make_registration

repair = import_module(
    "groepsconsult.trajectories.migrations.0003_repair_trajectories_from_attendance"
).repair
S = Trajectory.Status


def _session(region, month, **kw):
    return make_consultation(
        region, starts_at=dt.datetime(2026, month, 5, 9, 0, tzinfo=dt.UTC), **kw
    )


def test_rows_are_derived_from_what_happened(region_a):
    first, back, later = _session(region_a, 1), _session(region_a, 7, kind="return"), None
    returned = make_participant(region_a)
    make_registration(first, returned, attendance="present")
    make_registration(back, returned, attendance="present")
    attended = make_participant(region_a)
    make_registration(first, attended, attendance="present")
    later = _session(region_a, 2)
    waiting = make_participant(region_a)
    make_registration(first, waiting, attendance="absent")
    make_registration(later, waiting)
    stopped = make_participant(region_a)
    make_registration(first, stopped, attendance="present")
    stopped.trajectories.update(status=S.STOPPED, stop_reason="Verhuisd")
    without = make_participant(region_a)
    without.trajectories.all().delete()
    make_registration(later, without)

    repair(apps, None)

    def get(person):
        return person.trajectories.get()

    t = get(returned)
    assert (t.status, t.baseline_consultation, t.return_consultation) == (S.RETURNED, first, back)
    assert t.follow_up_call_due == dt.date(2026, 1, 5) + dt.timedelta(weeks=6)
    t = get(attended)
    assert (t.status, t.baseline_consultation, t.return_consultation) == (
        S.BASELINE_DONE,
        first,
        None,
    )
    t = get(waiting)
    assert (t.status, t.baseline_consultation, t.follow_up_call_due) == (S.REGISTERED, later, None)
    assert get(stopped).baseline_consultation is None  # a person's decision is left alone
    assert (get(without).status, get(without).baseline_consultation) == (S.REGISTERED, later)
    assert TrajectoryEvent.objects.filter(by_name="migration trajectories 0003").count() == 4


def test_running_twice_changes_nothing_more(region_a):
    person = make_participant(region_a)
    make_registration(_session(region_a, 1), person, attendance="present")
    repair(apps, None)
    repair(apps, None)
    assert TrajectoryEvent.objects.count() == 1
