"""One participant walked through the real services: registration, attendance at the door,
follow-up due, return registration, return attendance (by saving results), and the booklet
comparing with the trajectory's own first session."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from groepsconsult.audit.services import Actor
from groepsconsult.documents.selectors import booklet_sources
from groepsconsult.measurements.services import Entry, measurements_record
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.services import attendance_mark, registration_create
from groepsconsult.trajectories import services
from groepsconsult.trajectories.models import Trajectory
from groepsconsult.trajectories.selectors import trajectory_sessions
from tests.factories.backbone import make_consultation

S = Trajectory.Status
BY = Actor.system("tests")
BP = {"systolic": Decimal(150), "diastolic": Decimal(90)}


def _session(region, month, day=5, **kw):
    starts = dt.datetime(2026, month, day, 9, 0, tzinfo=dt.UTC)
    return make_consultation(region, starts_at=starts, **kw)


def _new_person():
    return Participant(
        given_name="Ayse", family_name="Yilmaz", date_of_birth=dt.date(1965, 2, 1), sex="female"
    )


def _register(session, person):
    return registration_create(consultation=session, participant=person, channel="self", by=BY)


def _measure(registration, values):
    return measurements_record(registration=registration, entry=Entry(values=values), by=BY)


def test_the_whole_walk(region_a):
    first = _session(region_a, 3)
    # An earlier first-kind session the person did not come to: the old rule ("earliest first
    # session") would compare with it; the trajectory knows better.
    missed = _session(region_a, 2)
    back = _session(region_a, 9, kind="return")
    person = _new_person()

    missed_place = _register(missed, person)
    attendance_mark(registration=missed_place, attendance="absent", by=BY)
    place = _register(first, person)
    trajectory = person.trajectories.get()
    assert (trajectory.status, trajectory.baseline_consultation) == (S.REGISTERED, first)

    attendance_mark(registration=place, attendance="present", by=BY)
    trajectory.refresh_from_db()
    assert trajectory.status == S.BASELINE_DONE
    assert trajectory.follow_up_call_due == dt.date(2026, 3, 5) + dt.timedelta(weeks=6)
    _measure(place, BP)

    assert (
        services.trajectories_start_due_follow_ups(
            region=region_a, by=BY, today=dt.date(2026, 4, 16)
        )
        == 1
    )
    trajectory.refresh_from_db()
    assert trajectory.status == S.FOLLOW_UP

    return_place = _register(back, person)
    trajectory.refresh_from_db()
    assert (trajectory.status, trajectory.return_consultation) == (S.FOLLOW_UP, back)

    # Saving results at the return session ticks the place present and marks the return.
    _measure(return_place, {"systolic": Decimal(132), "diastolic": Decimal(84)})
    return_place.refresh_from_db()
    trajectory.refresh_from_db()
    assert return_place.attendance == Registration.Attendance.PRESENT
    assert return_place.day_number is not None
    assert trajectory.status == S.RETURNED
    assert [(e.from_status, e.to_status) for e in trajectory.events.all()] == [
        (S.REGISTERED, S.REGISTERED),  # opened with the new participant
        (S.REGISTERED, S.REGISTERED),  # linked to the missed session
        (S.REGISTERED, S.REGISTERED),  # first session moved to the one attended
        (S.REGISTERED, S.BASELINE_DONE),
        (S.BASELINE_DONE, S.FOLLOW_UP),
        (S.FOLLOW_UP, S.FOLLOW_UP),  # 6-month session linked
        (S.FOLLOW_UP, S.RETURNED),
    ]

    (sessions,) = trajectory_sessions(participant=person)
    assert (sessions.baseline, sessions.return_) == (first, back)
    (source,) = booklet_sources(registrations=[return_place], consultation=back)
    assert source.previous_consultation == first
    assert source.previous["systolic"].value == Decimal(150)

    services.trajectory_complete(trajectory=trajectory, by=BY)
    trajectory.refresh_from_db()
    assert trajectory.status == S.COMPLETED


def test_follow_up_weeks_come_from_the_region(region_a):
    region_a.follow_up_call_weeks = 10
    region_a.save()
    session = _session(region_a, 3)
    place = _register(session, _new_person())
    attendance_mark(registration=place, attendance="present", by=BY)
    trajectory = place.participant.trajectories.get()
    assert trajectory.follow_up_call_due == dt.date(2026, 3, 5) + dt.timedelta(weeks=10)


def test_a_session_six_months_later_is_the_return_even_if_planned_as_first(region_a):
    first, later = _session(region_a, 1), _session(region_a, 7)
    person = _new_person()
    attendance_mark(registration=_register(first, person), attendance="present", by=BY)
    _register(later, person)
    assert person.trajectories.get().return_consultation == later


def test_results_for_a_place_marked_absent_are_refused(region_a):
    place = _register(_session(region_a, 3), _new_person())
    attendance_mark(registration=place, attendance="absent", by=BY)
    with pytest.raises(ValidationError, match="afwezig|absent"):
        _measure(place, BP)
    assert not place.measurements.exists()
    assert place.participant.trajectories.get().status == S.REGISTERED


def test_a_walk_in_attends_straight_away(region_a):
    from groepsconsult.registrations.services import registration_walk_in

    session = _session(region_a, 3)
    registration = registration_walk_in(consultation=session, participant=_new_person(), by=BY)
    trajectory = registration.participant.trajectories.get()
    assert (trajectory.status, trajectory.baseline_consultation) == (S.BASELINE_DONE, session)


def test_someone_who_ended_starts_a_new_trajectory(region_a):
    person = _new_person()
    _register(_session(region_a, 1), person)
    services.trajectory_stop(trajectory=person.trajectories.get(), reason="Geen tijd", by=BY)
    _register(_session(region_a, 11), person)
    assert list(person.trajectories.order_by("id").values_list("status", flat=True)) == [
        S.STOPPED,
        S.REGISTERED,
    ]
