"""Pre-aggregates per session: `SessionFact` rows recomputed from the registrations.

`sessions_refresh(consultation_ids)` rewrites the rows of those sessions (one GROUP BY over
their registrations, a delete and an insert per batch). `facts_refresh_for` calls it for the
sessions of every person whose facts it refreshes (a place taken, attendance, consent, a merge)
and for the sessions a service names (`consultation_ids` of `facts_changed`: a place given back,
absent at the door, a session edited or cancelled). `rebuild_monitoring` rebuilds them all.
The experience answers of these sessions (`ExperienceRollup`) are refreshed with them.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from groepsconsult.consultations.models import Consultation
from groepsconsult.core.bulk import insert_rows
from groepsconsult.monitoring.aggregates.filters import (
    SESSION_COPIED,
    not_refused,
    session_columns,
)
from groepsconsult.monitoring.experience_rollup import experience_refresh
from groepsconsult.monitoring.models import SessionFact
from groepsconsult.registrations.models import Registration

BATCH = 2000
C = "consultation__"


def _rows(ids):
    """(consultation, channel) groups of the counted places in these sessions: one query."""
    return (
        Registration.objects.filter(
            not_refused("participant"),
            consultation_id__in=ids,
            status=Registration.Status.REGISTERED,
        )
        .values(
            "consultation_id",
            "channel",
            C + "kind",
            *(C + f for f in SESSION_COPIED),
            C + "status",
        )
        .annotate(
            registered=Count("pk"),
            present=Count("pk", filter=Q(attendance=Registration.Attendance.PRESENT)),
        )
        .order_by()
    )


def _fact(row, zone):
    """One row for `insert_rows` (attnames)."""
    return {
        "consultation_id": row["consultation_id"],
        "channel": row["channel"] or "",
        **session_columns(row, C, zone),
        "kind": row[C + "kind"],
        "starts_at": row[C + "starts_at"],
        "cancelled": row[C + "status"] == Consultation.Status.CANCELLED,
        "registered": row["registered"],
        "present": row["present"],
    }


def _refresh_batch(ids):
    with transaction.atomic(savepoint=False):  # see facts._refresh_batch
        # Two places taken in one session at once rewrite the same rows: the second waits
        # here (PostgreSQL; SQLite writes one at a time) and then counts both.
        locked = Consultation.objects.select_for_update().filter(pk__in=ids).order_by("pk")
        list(locked.values_list("pk"))  # the lock, without building a model per session
        zone = timezone.get_current_timezone()
        facts = [_fact(row, zone) for row in _rows(ids)]
        SessionFact.objects.filter(consultation_id__in=ids).delete()
        insert_rows(SessionFact, facts)
        experience_refresh(ids)
    return len(facts)


def sessions_refresh(consultation_ids) -> int:
    """Recompute the rows of these sessions; atomic per batch. Returns the rows written."""
    ids = sorted({i for i in consultation_ids if i})
    return sum(_refresh_batch(ids[i : i + BATCH]) for i in range(0, len(ids), BATCH))


def sessions_of(participant_ids):
    """The sessions where these people have a place (taken or given back)."""
    return set(
        Registration.objects.filter(participant_id__in=set(participant_ids))
        .values_list("consultation_id", flat=True)
        .order_by()
    )


def sessions_rebuild(*, region=None) -> int:
    """Rebuild the rows of one region's sessions (or all), dropping those of sessions that
    moved away."""
    sessions = Consultation.objects.all()
    stale = SessionFact.objects.all()
    if region is not None:
        sessions = sessions.filter(region=region)
        stale = stale.filter(region=region)
    ids = set(sessions.values_list("pk", flat=True))
    return sessions_refresh(ids | set(stale.values_list("consultation_id", flat=True)))
