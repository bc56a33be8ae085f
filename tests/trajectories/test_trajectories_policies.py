"""The policy table: which status may follow which, and what a move needs."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from groepsconsult.audit.services import Actor
from groepsconsult.trajectories import policies, services
from groepsconsult.trajectories.models import Trajectory, TrajectoryEvent
from tests.factories.backbone import make_participant

S = Trajectory.Status
BY = Actor.system("tests")


def _trajectory(region, status):
    participant = make_participant(region)
    trajectory = participant.trajectories.get()
    trajectory.status = status
    trajectory.stop_reason = "x" if status in (S.STOPPED, S.LOST) else ""
    trajectory.save()
    return trajectory


def test_every_status_is_in_the_table():
    assert set(policies.ALLOWED_TRANSITIONS) == set(S.values)


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        (S.INVITED, S.REGISTERED, True),
        (S.REGISTERED, S.BASELINE_DONE, True),
        (S.REGISTERED, S.RETURNED, False),
        (S.REGISTERED, S.LOST, False),
        (S.BASELINE_DONE, S.FOLLOW_UP, True),
        (S.FOLLOW_UP, S.RETURNED, True),
        (S.FOLLOW_UP, S.BASELINE_DONE, False),
        (S.RETURNED, S.COMPLETED, True),
        (S.LOST, S.RETURNED, True),
        (S.COMPLETED, S.STOPPED, False),
        (S.STOPPED, S.REGISTERED, False),
    ],
)
def test_transition_table(current, target, allowed):
    trajectory = Trajectory(status=current)
    assert policies.can_move_trajectory(trajectory=trajectory, to_status=target) is allowed


def test_an_illegal_move_is_refused_and_writes_nothing(region_a):
    trajectory = _trajectory(region_a, S.REGISTERED)
    with pytest.raises(ValidationError, match="kan niet .Afgerond. worden"):
        services.trajectory_complete(trajectory=trajectory, by=BY)
    trajectory.refresh_from_db()
    assert trajectory.status == S.REGISTERED
    assert not TrajectoryEvent.objects.filter(to_status=S.COMPLETED).exists()


def test_stopping_needs_a_reason(region_a):
    trajectory = _trajectory(region_a, S.FOLLOW_UP)
    with pytest.raises(ValidationError):
        services.trajectory_stop(trajectory=trajectory, reason="  ", by=BY)


def test_stop_and_lost_record_reason_who_and_when(region_a):
    stopped = services.trajectory_stop(
        trajectory=_trajectory(region_a, S.FOLLOW_UP), reason="Verhuisd", by=BY
    )
    assert (stopped.status, stopped.stop_reason, stopped.ended_on) == (
        S.STOPPED,
        "Verhuisd",
        dt.date.today(),
    )
    lost = services.trajectory_mark_lost(
        trajectory=_trajectory(region_a, S.BASELINE_DONE), reason="Niet bereikbaar", by=BY
    )
    event = lost.events.last()
    assert (event.from_status, event.to_status, event.reason, event.by_name) == (
        S.BASELINE_DONE,
        S.LOST,
        "Niet bereikbaar",
        "tests",
    )


def test_due_follow_ups_start_and_others_wait(region_a):
    due = _trajectory(region_a, S.BASELINE_DONE)
    due.follow_up_call_due = dt.date(2026, 1, 1)
    due.save()
    later = _trajectory(region_a, S.BASELINE_DONE)
    later.follow_up_call_due = dt.date(2027, 1, 1)
    later.save()
    count = services.trajectories_start_due_follow_ups(
        region=region_a, by=BY, today=dt.date(2026, 6, 1)
    )
    due.refresh_from_db()
    later.refresh_from_db()
    assert (count, due.status, later.status) == (1, S.FOLLOW_UP, S.BASELINE_DONE)
