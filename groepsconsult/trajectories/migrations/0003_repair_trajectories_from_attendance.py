"""Repair existing trajectories from what really happened: registrations and attendance.

Before the trajectories app, nothing moved a trajectory past "registered" and the 6-month
session and the follow-up due date were never written. For each participant's newest trajectory
(a stopped one is a person's decision and is left alone) this derives:
- the first session: the earliest attended place that is not a return session, else the
  earliest place still open (registered, not absent), else what was linked before;
- the follow-up call due date: first session date + the region's weeks (kept when already set);
- the 6-month session: a later place in a return session or one about six months on;
- the status: returned / attended first session (in follow-up and lost are kept) / registered.
Participants with places but no trajectory get one. Reversing leaves the rows as they are.
"""

import datetime as dt

from django.db import migrations
from django.utils import timezone

RETURN_MIN_GAP = dt.timedelta(days=120)
BEFORE = {"invited", "registered"}
AFTER_BASELINE = {"baseline_done", "follow_up", "lost"}


def _places(Registration):
    """participant id -> their places (not cancelled), oldest session first: one query."""
    rows = (
        Registration.objects.exclude(status="cancelled")
        .select_related("consultation__region")
        .order_by("participant_id", "consultation__starts_at", "id")
    )
    places = {}
    for r in rows:
        places.setdefault(r.participant_id, []).append(r)
    return places


def _is_return(place, baseline):
    c = place.consultation
    return c.kind == "return" or c.starts_at >= baseline.consultation.starts_at + RETURN_MIN_GAP


def derive(trajectory, places):
    """Set baseline, return, due date and status on `trajectory` from its participant's places."""
    attended = [p for p in places if p.attendance == "present"]
    first = next((p for p in attended if p.consultation.kind != "return"), None)
    if first is None:
        open_places = [p for p in places if p.attendance != "absent"]
        upcoming = next((p for p in open_places if p.consultation.kind != "return"), None)
        if upcoming is not None:
            trajectory.baseline_consultation_id = upcoming.consultation_id
            trajectory.status = "registered"
        return trajectory
    trajectory.baseline_consultation_id = first.consultation_id
    if trajectory.follow_up_call_due is None:
        weeks = first.consultation.region.follow_up_call_weeks
        start = timezone.localdate(first.consultation.starts_at)
        trajectory.follow_up_call_due = start + dt.timedelta(weeks=weeks)
    later = [p for p in places if p.consultation.starts_at > first.consultation.starts_at]
    back = next((p for p in later if _is_return(p, first)), None)
    if back is not None:
        trajectory.return_consultation_id = back.consultation_id
    if back is not None and back.attendance == "present":
        if trajectory.status != "completed":
            trajectory.status = "returned"
    elif trajectory.status not in AFTER_BASELINE:
        trajectory.status = "baseline_done"
    if trajectory.status == "completed" and (back is None or back.attendance != "present"):
        trajectory.status = "baseline_done"
    return trajectory


def repair(apps, schema_editor):
    Trajectory = apps.get_model("trajectories", "Trajectory")
    TrajectoryEvent = apps.get_model("trajectories", "TrajectoryEvent")
    Registration = apps.get_model("registrations", "Registration")
    places = _places(Registration)
    newest = {}
    for t in Trajectory.objects.order_by("participant_id", "started_on", "id"):
        newest[t.participant_id] = t  # the last one per participant wins
    today = timezone.localdate()
    for participant_id in places.keys() - newest.keys():
        newest[participant_id] = Trajectory.objects.create(
            participant_id=participant_id, status="registered", started_on=today
        )
    fields = ["status", "baseline_consultation", "return_consultation", "follow_up_call_due"]
    changed, events = [], []
    for participant_id, trajectory in newest.items():
        if trajectory.status == "stopped":
            continue
        before = [getattr(trajectory, f + ("_id" if "consultation" in f else "")) for f in fields]
        derive(trajectory, places.get(participant_id, []))
        after = [getattr(trajectory, f + ("_id" if "consultation" in f else "")) for f in fields]
        if before != after:
            changed.append(trajectory)
            events.append(
                TrajectoryEvent(
                    trajectory=trajectory,
                    from_status=before[0],
                    to_status=trajectory.status,
                    reason="repaired from registrations and attendance",
                    by_name="migration trajectories 0003",
                )
            )
    Trajectory.objects.bulk_update(changed, fields, batch_size=1000)
    TrajectoryEvent.objects.bulk_create(events, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("trajectories", "0002_trajectory_lost_status_and_events"),
        ("regions", "0002_region_follow_up_call_weeks"),
        ("consultations", "0004_roster_unique_without_nulls_distinct"),
        ("registrations", "0001_registration_moved_from_consultations"),
        ("consultations", "0005_registration_moved_to_registrations_app"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
