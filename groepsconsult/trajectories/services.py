"""The trajectory's state machine, written once. Every move is checked against the policy table,
recorded as a TrajectoryEvent (who, when, from, to, why) and audited in the same transaction.

Registration, door and measurement services call the two hooks `trajectory_link_registration`
and `trajectory_record_attendance`; the other services are the explicit steps.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.trajectories import policies, selectors
from groepsconsult.trajectories.models import Trajectory, TrajectoryEvent

PURPOSE = Purpose.TRAJECTORY
S = Trajectory.Status


def _save(*, trajectory, by: Actor, from_status: str, consultation=None, reason="") -> Trajectory:
    with transaction.atomic():
        audited_save(
            instance=trajectory,
            by=by,
            purpose=PURPOSE,
            participant_ids=[trajectory.participant.public_id],
        )
        TrajectoryEvent.objects.create(
            trajectory=trajectory,
            from_status=from_status,
            to_status=trajectory.status,
            consultation=consultation,
            reason=reason[:200],
            by_user_id=by.user_id,
            by_name=by.username[:150],
        )
        send_facts_changed(Trajectory, trajectory_ids=[trajectory.pk], sessions_changed=False)
    return trajectory


def _move(*, trajectory, to_status, by, consultation=None, reason="") -> Trajectory:
    policies.check_can_move_trajectory(trajectory=trajectory, to_status=to_status, reason=reason)
    from_status = trajectory.status
    trajectory.status = to_status
    if to_status in policies.ENDED:
        trajectory.ended_on = timezone.localdate()
    if to_status in policies.NEEDS_REASON:
        trajectory.stop_reason = reason.strip()[:200]
    return _save(
        trajectory=trajectory,
        by=by,
        from_status=from_status,
        consultation=consultation,
        reason=reason,
    )


def trajectory_open(*, participant, by: Actor, consultation=None) -> Trajectory:
    """A new trajectory, registered (for `consultation` as its first session, when given)."""
    trajectory = Trajectory(
        participant=participant,
        status=S.REGISTERED,
        baseline_consultation=consultation,
        started_on=timezone.localdate(),
    )
    return _save(trajectory=trajectory, by=by, from_status=S.REGISTERED, consultation=consultation)


def trajectory_link_registration(*, registration, by: Actor) -> Trajectory | None:
    """A place in a session was taken: it becomes the trajectory's first session (before the
    first one is attended) or its 6-month session (after). Other places change nothing."""
    consultation = registration.consultation
    trajectory = selectors.trajectory_current(participant_id=registration.participant_id)
    if trajectory is None:
        return trajectory_open(
            participant=registration.participant, by=by, consultation=consultation
        )
    if policies.is_return_session(trajectory=trajectory, consultation=consultation):
        trajectory.return_consultation = consultation
    elif trajectory.status in policies.BEFORE_BASELINE:
        trajectory.baseline_consultation = consultation
    else:
        return None  # e.g. a second first-kind session while in follow-up: not a step
    from_status = trajectory.status
    if from_status == S.INVITED:
        policies.check_can_move_trajectory(trajectory=trajectory, to_status=S.REGISTERED)
        trajectory.status = S.REGISTERED
    return _save(trajectory=trajectory, by=by, from_status=from_status, consultation=consultation)


def trajectory_record_attendance(*, registration, by: Actor) -> Trajectory | None:
    """The person was there: attending the first session sets the follow-up call due date
    (session date + the region's weeks); attending the 6-month session marks the return."""
    consultation = registration.consultation
    trajectory = selectors.trajectory_current(participant_id=registration.participant_id)
    if trajectory is None or consultation.pk not in (
        trajectory.baseline_consultation_id,
        trajectory.return_consultation_id,
    ):
        trajectory = trajectory_link_registration(registration=registration, by=by)
    if trajectory is None:
        return None
    if consultation.pk == trajectory.return_consultation_id:
        if trajectory.status == S.RETURNED:
            return trajectory
        return _move(trajectory=trajectory, to_status=S.RETURNED, by=by, consultation=consultation)
    if trajectory.status not in policies.BEFORE_BASELINE:
        return trajectory  # already counted (a second tick at the door)
    weeks = consultation.region.follow_up_call_weeks
    trajectory.follow_up_call_due = timezone.localdate(consultation.starts_at) + timedelta(
        weeks=weeks
    )
    return _move(trajectory=trajectory, to_status=S.BASELINE_DONE, by=by, consultation=consultation)


def trajectory_start_follow_up(*, trajectory, by: Actor) -> Trajectory:
    """After the first session: hand-overs and the follow-up call are under way."""
    return _move(trajectory=trajectory, to_status=S.FOLLOW_UP, by=by)


def trajectory_complete(*, trajectory, by: Actor) -> Trajectory:
    return _move(trajectory=trajectory, to_status=S.COMPLETED, by=by)


def trajectory_stop(*, trajectory, reason: str, by: Actor) -> Trajectory:
    """The participant stops (their choice): the reason is required."""
    return _move(trajectory=trajectory, to_status=S.STOPPED, by=by, reason=reason)


def trajectory_mark_lost(*, trajectory, reason: str, by: Actor) -> Trajectory:
    """Nobody can reach the participant any more: the reason is required."""
    return _move(trajectory=trajectory, to_status=S.LOST, by=by, reason=reason)


def trajectories_start_due_follow_ups(*, region, by: Actor, today=None) -> int:
    """Move every trajectory whose follow-up call is due into follow-up. Returns how many."""
    today = today or timezone.localdate()
    due = Trajectory.objects.filter(
        participant__region=region, status=S.BASELINE_DONE, follow_up_call_due__lte=today
    ).select_related("participant")
    count = 0
    for trajectory in due:
        trajectory_start_follow_up(trajectory=trajectory, by=by)
        count += 1
    return count
