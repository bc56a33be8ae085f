"""Reads of trajectories: which sessions are a participant's baseline and return.

Every reader (booklet comparison, goals, GP letter, monitoring) asks these functions instead of
guessing from session kinds or dates. Callers have fetched the participant through a scoped,
logged selector first; these take the participant (or its id) they were given.
"""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from groepsconsult.consultations.models import Consultation
from groepsconsult.trajectories.models import (
    AWAITING_RETURN_STATUSES,
    ENDED_STATUSES,
    Trajectory,
    TrajectoryEvent,
)


@dataclass(frozen=True)
class TrajectorySessions:
    """The sessions that count for one trajectory: its first and its 6-month session."""

    trajectory: Trajectory
    baseline: Consultation | None
    return_: Consultation | None


def trajectory_list_for_participant(*, participant):
    """Every trajectory of the participant, newest first, with both sessions (one query)."""
    return (
        Trajectory.objects.filter(participant=participant)
        .select_related(
            "baseline_consultation__neighbourhood", "return_consultation__neighbourhood"
        )
        .order_by("-started_on", "-id")
    )


def trajectory_current(*, participant_id) -> Trajectory | None:
    """The participant's open trajectory (the newest that has not ended), or None."""
    return (
        Trajectory.objects.filter(participant_id=participant_id)
        .exclude(status__in=ENDED_STATUSES)
        .select_related("baseline_consultation")
        .order_by("-started_on", "-id")
        .first()
    )


def trajectory_sessions(*, participant) -> list[TrajectorySessions]:
    """Baseline and return session per trajectory, newest trajectory first (one query)."""
    return [
        TrajectorySessions(t, t.baseline_consultation, t.return_consultation)
        for t in trajectory_list_for_participant(participant=participant)
    ]


def trajectory_for_registration(*, registration) -> Trajectory | None:
    """The trajectory this session belongs to (its first or 6-month session), else the
    participant's latest (a place not linked yet), else None."""
    trajectories = list(trajectory_list_for_participant(participant=registration.participant))
    for trajectory in trajectories:
        if _is_linked(trajectory, registration.consultation_id):
            return trajectory
    return trajectories[0] if trajectories else None


def _is_linked(trajectory, consultation_id) -> bool:
    return consultation_id in (
        trajectory.baseline_consultation_id,
        trajectory.return_consultation_id,
    )


def trajectories_for_session(*, participant_ids, consultation) -> dict[int, Trajectory]:
    """participant id -> the trajectory this session belongs to (else their latest): one query."""
    chosen: dict[int, Trajectory] = {}
    rows = Trajectory.objects.filter(participant_id__in=participant_ids).select_related(
        "baseline_consultation", "return_consultation__location"
    )
    for t in rows.order_by("started_on", "id"):
        current = chosen.get(t.participant_id)
        # A later trajectory replaces an earlier one, unless that one belongs to this session.
        if current is None or not _is_linked(current, consultation.pk):
            chosen[t.participant_id] = t
    return chosen


def trajectory_for_session_subquery(field, *, participant_ref, consultation_ref):
    """`field` of the trajectory `trajectories_for_session` picks, as a correlated subquery:
    the first trajectory linked to the session at `consultation_ref` (its first or 6-month
    session), else the participant's latest. For lists that sort or filter on it in SQL.

    The pick is by id in an inner subquery: an ORDER BY that refers to the outer row fails on
    SQLite (3.40) once the outer query sorts on the result."""
    mine = Trajectory.objects.filter(participant_id=OuterRef(OuterRef(participant_ref)))
    session = OuterRef(OuterRef(consultation_ref))
    linked = mine.filter(Q(baseline_consultation_id=session) | Q(return_consultation_id=session))
    chosen = Coalesce(
        Subquery(linked.order_by("started_on", "id").values("id")[:1]),
        Subquery(mine.order_by("-started_on", "-id").values("id")[:1]),
    )
    return Subquery(Trajectory.objects.filter(pk=chosen).values(field)[:1])


def baseline_registrations_for_return(*, trajectories, consultation) -> dict:
    """For trajectories whose 6-month session is `consultation`: participant id -> the place in
    their first session (to compare results with). One query for the whole set."""
    pairs = [
        (t.participant_id, t.baseline_consultation_id)
        for t in trajectories
        if t.return_consultation_id == consultation.pk and t.baseline_consultation_id
    ]
    if not pairs:
        return {}
    match = Q()
    for participant_id, baseline_id in pairs:
        match |= Q(participant_id=participant_id, consultation_id=baseline_id)
    # Registrations sit above trajectories (they call its services): reach them through the
    # session's reverse relation instead of importing their model.
    rows = consultation.registrations.model.objects.filter(match).select_related("consultation")
    return {r.participant_id: r for r in rows}


def trajectory_event_list(*, trajectory):
    return list(
        TrajectoryEvent.objects.filter(trajectory=trajectory).select_related("consultation")
    )


def baseline_sessions_awaiting_return(*, region, before, limit=20):
    """First sessions of the region held before `before` whose participants still wait for
    their 6-month session, newest first, each with `awaiting` (how many): one query."""
    awaiting = Count(
        "baseline_trajectories",
        filter=Q(baseline_trajectories__status__in=AWAITING_RETURN_STATUSES),
    )
    return list(
        Consultation.objects.filter(
            region=region, kind=Consultation.Kind.FIRST, starts_at__lt=before
        )
        .exclude(status=Consultation.Status.CANCELLED)
        .annotate(awaiting=awaiting)
        .filter(awaiting__gt=0)
        .select_related("neighbourhood", "location")
        .order_by("-starts_at")[:limit]
    )


def trajectories_awaiting_return(*, baseline_ids):
    """Trajectories whose first session is one of `baseline_ids` and that still wait for
    their 6-month session (not returned, stopped or completed), with the participant."""
    return Trajectory.objects.filter(
        baseline_consultation_id__in=baseline_ids, status__in=AWAITING_RETURN_STATUSES
    ).select_related("participant", "baseline_consultation")


# A trajectory that reached the 6-month session (and possibly closed after it) is complete.
COMPLETED_STATUSES = (Trajectory.Status.RETURNED, Trajectory.Status.COMPLETED)


def trajectory_completed_count(*, region, year, neighbourhood=None) -> int:
    """Trajectories with their first session in `region` in `year` that reached the 6-month
    session (one COUNT): the denominator of the cost per completed trajectory."""
    rows = Trajectory.objects.filter(
        baseline_consultation__region=region,
        baseline_consultation__starts_at__year=year,
        status__in=COMPLETED_STATUSES,
    )
    if neighbourhood is not None:
        rows = rows.filter(baseline_consultation__neighbourhood=neighbourhood)
    return rows.count()
