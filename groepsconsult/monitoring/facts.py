"""Pre-aggregates: `TrajectoryFact` rows recomputed from the source tables.

`facts_refresh(trajectory_ids)` rewrites the facts of those trajectories in batches, each batch
a fixed number of queries (trajectories with their dimensions, current measurements,
hand-overs, then delete and insert). Lower apps announce a change with the
`core.signals.facts_changed` signal; the receiver in `apps.py` calls `facts_refresh_for` in
the same transaction, so the facts never drift from what they summarise. A full rebuild is
`python manage.py rebuild_monitoring [--region SLUG]` (docs/monitoring.md).
"""

import functools

from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models import When as W
from django.utils import timezone

from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_refused_exists
from groepsconsult.core.bulk import insert_rows
from groepsconsult.followups.models import FollowUpAttempt
from groepsconsult.handovers.models import Handover
from groepsconsult.measurements.models import Measurement
from groepsconsult.monitoring.aggregates import MEASURES
from groepsconsult.monitoring.models import HandoverFact, TrajectoryFact
from groepsconsult.monitoring.panels import panels_rebuild, panels_refresh, panels_state
from groepsconsult.monitoring.prepared import Prepared
from groepsconsult.monitoring.rollup import KEY, rollup_rebuild, rollup_refresh
from groepsconsult.monitoring.session_facts import sessions_of, sessions_rebuild, sessions_refresh
from groepsconsult.offers.models import NeighbourhoodOffer
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.models import Trajectory

BATCH = 2000
K = NeighbourhoodOffer.Kind
# Offers in the medical domain (care paid from the insurance or the GP); the rest is social.
MEDICAL_KINDS = (K.LIFESTYLE_COACH, K.MENTAL_HEALTH, K.DIETITIAN, K.QUIT_SMOKING)
HANDOVER_TAKEN_UP = (Handover.Status.STARTED, Handover.Status.COMPLETED)
AGE_BANDS = [("18-39", 40), ("40-54", 55), ("55-69", 70)]  # (band, first age outside it)
OWN = ("participant_id", "status", "follow_up_call_due", "stop_reason")
SOURCE = {
    "baseline_id": "baseline_consultation_id",
    "return_id": "return_consultation_id",
    "region_id": "baseline_consultation__region_id",
    "neighbourhood_id": "baseline_consultation__neighbourhood_id",
    "baseline_at": "baseline_consultation__starts_at",
    "audience": "baseline_consultation__audience",
    "sex": "participant__sex",
    "language": "participant__preferred_language",
    "born": "participant__date_of_birth",
    "education": "participant__background__education",
    "help_reading": "participant__background__help_reading",
    "self_rated_health": "participant__background__self_rated_health",
    "home_quintile": "participant__neighbourhood__ses_quintile",
    "session_quintile": "baseline_consultation__neighbourhood__ses_quintile",
}


def batched(items, size):
    items = list(items)
    return (items[i : i + size] for i in range(0, len(items), size))


def age_band(age):
    return next((band for band, limit in AGE_BANDS if age < limit), "70+")


def _flag(condition):
    return Case(W(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


@functools.cache
def _source_base():
    """The trajectories with their dimensions and per-person flags, built once per process:
    building these subqueries and aliases was about a tenth of a station save (issue "Scale and
    speed"). Callers filter a copy, as a class-based view clones its `queryset`."""
    channel = Registration.objects.filter(
        participant=OuterRef("participant"), consultation=OuterRef("baseline_consultation")
    ).values("channel")[:1]
    reached = FollowUpAttempt.objects.filter(
        participant=OuterRef("participant"),
        consultation=OuterRef("baseline_consultation"),
        outcome=FollowUpAttempt.Outcome.REACHED,
    )
    taken_up = Handover.objects.filter(
        participant=OuterRef("participant"), status__in=HANDOVER_TAKEN_UP
    )
    refused = consent_refused_exists(
        ConsentPurpose.ANONYMOUS_MONITORING, participant_ref="participant"
    )
    return (
        Trajectory.objects.filter(baseline_consultation__isnull=False)
        .annotate(
            channel=Subquery(channel, output_field=CharField()),
            reached=Exists(reached),
            taken_up=Exists(taken_up),
            refused=_flag(refused),
        )
        .values("pk", *OWN, "channel", "reached", "taken_up", "refused", **_aliases())
        .order_by()
    )


_SOURCE = Prepared(lambda ids: _source_base().filter(pk__in=ids))


def _source(ids):
    """The trajectories with their dimensions and per-person flags: one query."""
    return _SOURCE.dicts(ids)


def _aliases():
    return {key: F(path) for key, path in SOURCE.items()}


@functools.cache
def _current_values():
    """The current values of the measures the facts keep, built once per process."""
    found = Measurement.objects.current().filter(measure__in=list(MEASURES))
    return found.values_list(
        "registration__participant_id",
        "registration__consultation_id",
        "measure",
        "value",
        "colour",
    ).order_by()


_VALUES = Prepared(
    lambda participants, sessions: _current_values().filter(
        registration__participant_id__in=participants,
        registration__consultation_id__in=sessions,
    )
)


def _values(rows):
    """{(participant id, consultation id, measure): (value, stored colour)} for the batch: one
    query."""
    participants = {r["participant_id"] for r in rows}
    sessions = {r["baseline_id"] for r in rows} | {r["return_id"] for r in rows if r["return_id"]}
    values = _VALUES.rows(participants, sessions)
    return {(p, c, m): (float(v), colour or "") for p, c, m, v, colour in values}


@functools.cache
def _handover_states():
    """(participant, status, domain) of the hand-overs, built once per process."""
    domain = Case(
        W(offer__kind__in=MEDICAL_KINDS, then=Value("medical")),
        default=Value("social"),
        output_field=CharField(),
    )
    return (
        Handover.objects.annotate(domain=domain)
        .values_list("participant_id", "status", "domain")
        .order_by()
        .distinct()
    )


_HANDOVERS = Prepared(lambda people: _handover_states().filter(participant_id__in=people))


def _handovers(rows):
    """{participant id: {(status, domain)}}: one query."""
    found = _HANDOVERS.rows({r["participant_id"] for r in rows})
    result: dict = {}
    for participant_id, status, dom in found:
        result.setdefault(participant_id, set()).add((status, dom))
    return result


def _age(born, day):
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


MOMENTS = ("base", "baseline_id"), ("return", "return_id")


def _fact(row, values, zone):
    """The fact of one trajectory as a row for `insert_rows` (attnames)."""
    day = timezone.localdate(row["baseline_at"], zone)
    age = _age(row["born"], day) if row["born"] else None
    fact = {
        "trajectory_id": row["pk"],
        "participant_id": row["participant_id"],
        "region_id": row["region_id"],
        "neighbourhood_id": row["neighbourhood_id"],
        "baseline_at": row["baseline_at"],
        "baseline_date": day,
        "baseline_month": day.replace(day=1),
        "counted": not row["refused"],
        "sex": row["sex"] or "",
        "language": row["language"] or "",
        "age": age,
        "age_band": age_band(age) if age is not None else "",
        "channel": row["channel"] or "",
        "audience": row["audience"] or "",
        "education": row["education"] or "",
        "help_reading": row["help_reading"] or "",
        "self_rated_health": row["self_rated_health"] or "",
        "ses_quintile": row["home_quintile"] or row["session_quintile"],
        "status": row["status"],
        "follow_up_call_due": row["follow_up_call_due"],
        "call_reached": bool(row["reached"]),
        "handover_taken_up": bool(row["taken_up"]),
        "stop_reason": (row["stop_reason"] or "").strip().lower(),
    }
    person = row["participant_id"]
    for moment, column in MOMENTS:
        session = row[column]
        for measure in MEASURES:
            found = values.get((person, session, measure)) if session is not None else None
            value, colour = found or (None, "")
            fact[f"{measure}_{moment}"] = value
            fact[f"{measure}_{moment}_colour"] = colour
    return fact


def _refresh_batch(ids, *, rollup=True):
    # Inside a caller's transaction (a service's facts_changed) no savepoint of its own: a
    # failed refresh must roll the change back with it, never be caught and skipped.
    with transaction.atomic(savepoint=False):
        # Two tablets saving for one person at the same moment refresh the same row: lock the
        # trajectories first (PostgreSQL; SQLite writes one at a time) and upsert, so neither
        # save fails on the fact's primary key.
        locked = Trajectory.objects.select_for_update().filter(pk__in=ids).order_by("pk")
        list(locked.values_list("pk"))  # in key order, as the session facts lock theirs
        # The facts as they were: their rollup keys, and which of them to drop.
        stored = TrajectoryFact.objects.filter(pk__in=ids).values_list("pk", *KEY).order_by()
        stored = {pk: key for pk, *key in stored}
        keys = {tuple(key) for key in stored.values()} if rollup else set()
        panels_before = panels_state(ids) if rollup else None
        rows = _source(ids)
        values = _values(rows) if rows else {}
        handovers = _handovers(rows) if rows else {}
        zone = timezone.get_current_timezone()
        facts = [_fact(row, values, zone) for row in rows]
        HandoverFact.objects.filter(fact_id__in=ids).delete()
        # Facts whose trajectory lost its first session (or is gone); usually none, and then
        # no query (a person's trajectory without a first session has no fact to delete).
        gone = set(stored) - {r["pk"] for r in rows}
        if gone:
            TrajectoryFact.objects.filter(pk__in=gone).delete()
        # Django's bulk_create prepared every value of these 40 columns field by field (most
        # of a rebuild's time): insert_rows passes them through (refreshed_at: now).
        insert_rows(TrajectoryFact, facts, upsert_on="trajectory_id")
        HandoverFact.objects.bulk_create(
            (
                HandoverFact(fact_id=row["pk"], status=status, domain=domain)
                for row in rows
                for status, domain in sorted(handovers.get(row["participant_id"], ()))
            ),
            ignore_conflicts=True,
        )
        if rollup:
            rollup_refresh(keys | {tuple(fact[name] for name in KEY) for fact in facts})
            panels_refresh(panels_before)
    return len(facts)


def facts_refresh(trajectory_ids) -> int:
    """Recompute the facts of `trajectory_ids` (a trajectory without a first session, or one
    that no longer exists, loses its row); atomic per batch. Returns the rows written."""
    written = 0
    for ids in batched(sorted(set(trajectory_ids)), BATCH):
        written += _refresh_batch(list(ids))
    return written


def _trajectories_and_people(trajectory_ids, participant_ids):
    """(these trajectories and every trajectory of these people, these people and the people
    of these trajectories): one query, where a station save that ticks someone present asked
    two (the trajectories' people, then the people's trajectories)."""
    if not trajectory_ids and not participant_ids:
        return set(), set()
    found = Trajectory.objects.filter(
        Q(pk__in=trajectory_ids) | Q(participant_id__in=participant_ids)
    ).values_list("pk", "participant_id")
    ids, people = set(trajectory_ids), set(participant_ids)
    for pk, participant_id in found.order_by():
        if participant_id in participant_ids:
            ids.add(pk)
        if pk in trajectory_ids:
            people.add(participant_id)
    return ids, people


def facts_refresh_for(
    *,
    trajectory_ids=(),
    participant_ids=(),
    neighbourhood_ids=(),
    consultation_ids=(),
    edited_session_ids=(),
    people_sessions=True,
) -> int:
    """Refresh every trajectory touched by a change to these trajectories, participants (their
    measurements, consent, hand-overs, answers) or neighbourhoods (status score, name), and
    the session facts of these sessions and (with `people_sessions`) of every session these
    people have a place in; `edited_session_ids`: sessions whose time, place or audience changed
    (the trajectories that begin there, and the sessions themselves)."""
    ids, people = _trajectories_and_people(set(trajectory_ids), set(participant_ids))
    sessions = set(consultation_ids) | set(edited_session_ids)
    if people and people_sessions:
        sessions |= sessions_of(people)
    if sessions:
        sessions_refresh(sessions)
    if edited_session_ids:
        ids |= set(
            Trajectory.objects.filter(
                baseline_consultation_id__in=set(edited_session_ids)
            ).values_list("pk", flat=True)
        )
    if neighbourhood_ids:
        hoods = set(neighbourhood_ids)
        ids |= set(
            Trajectory.objects.filter(
                Q(baseline_consultation__neighbourhood_id__in=hoods)
                | Q(participant__neighbourhood_id__in=hoods)
            ).values_list("pk", flat=True)
        )
    return facts_refresh(ids) if ids else 0


def facts_rebuild(*, region=None, stdout=None) -> int:
    """Rebuild the facts of one region (or all): every trajectory whose first session is there,
    and drop facts whose trajectory moved away; then the region's session facts. Batched,
    atomic per batch."""
    trajectories = Trajectory.objects.filter(baseline_consultation__isnull=False)
    stale = TrajectoryFact.objects.all()
    if region is not None:
        trajectories = trajectories.filter(baseline_consultation__region=region)
        stale = stale.filter(region=region)
    ids = list(trajectories.order_by("pk").values_list("pk", flat=True))
    gone = set(stale.values_list("pk", flat=True)) - set(ids)
    written = 0
    for batch in batched(ids + sorted(gone), BATCH):
        written += _refresh_batch(list(batch), rollup=False)
        if stdout is not None:
            stdout.write(f"{written} facts written")
    rollup_rebuild(region=region)
    panels_rebuild(region=region)
    sessions_rebuild(region=region)
    return written
