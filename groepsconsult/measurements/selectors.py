"""Reads of measurements, registrations at a station, and alerts.

Registrations are read through `registrations.selectors` (region, role and consent apply);
every read that shows a participant's data writes the access log (the caller passes `by`).
"""

import uuid
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_write
from groepsconsult.consultations.selectors import consultation_today_list
from groepsconsult.measurements.models import Alert, Measure, Measurement
from groepsconsult.measurements.stations import MEASURE_STATION, MEASURED_STATIONS
from groepsconsult.participants.selectors import participant_search
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.selectors import registration_queryset_for_user
from groepsconsult.trajectories.timeline import TimelineEntry

PURPOSE = Purpose.MEASUREMENTS


def _log(by, action, registrations, detail=""):
    access_log_write(
        by=by,
        action=action,
        subject_type="measurement",
        participant_ids=[r.participant.public_id for r in registrations],
        purpose=PURPOSE,
        detail=detail,
    )


def registration_search_at_station(*, membership, by, consultation, q):
    """Registrations of the session whose participant matches a (POSTed) name; logged."""
    registrations = registration_queryset_for_user(
        membership=membership, consultation=consultation, include_cancelled=False
    )
    rows = list(participant_search(registrations, q, via="participant__")[:20])
    _log(by, AccessEvent.Action.LIST, rows, detail="station name search")
    return rows


def measurement_current_for_registration(*, registration) -> dict[str, Measurement]:
    """The current value per measure of one registration (see `MeasurementQuerySet.current`)."""
    return measurement_current_by_registration([registration.pk])[registration.pk]


def measurement_current_by_registration(registration_ids) -> dict[int, dict[str, Measurement]]:
    """measure -> current row, per registration: one query for the whole set. Not logged here."""
    grouped: dict[int, dict[str, Measurement]] = {rid: {} for rid in registration_ids}
    for row in Measurement.objects.filter(registration_id__in=registration_ids).current():
        grouped[row.registration_id][row.measure] = row
    return grouped


def measurement_taken_measures(*, registration, measures) -> set[str]:
    """Which of `measures` already have a current value for this registration: one that no
    correction superseded exists (the latest of those is the current one), so the measure
    names alone answer it, without `current()`'s correlated look-up per row."""
    return set(
        Measurement.objects.filter(
            registration_id=registration.pk, measure__in=list(measures), superseded_by__isnull=True
        )
        .values_list("measure", flat=True)
        .order_by()
    )


def measurement_body_size(*, registration) -> dict[str, Decimal]:
    """The station's BMI and waist of this registration, for questionnaires that ask them.

    BMI from the current weight and height, unrounded, when both were measured; else a stored
    BMI (an InBody import). Only the keys that exist. Not logged: the caller shows or logs.
    """
    current = measurement_current_for_registration(registration=registration)
    size = {}
    if Measure.WEIGHT in current and Measure.HEIGHT in current:
        metres = current[Measure.HEIGHT].value / 100
        size["bmi"] = current[Measure.WEIGHT].value / (metres * metres)
    elif Measure.BMI in current:
        size["bmi"] = current[Measure.BMI].value
    if Measure.WAIST in current:
        size["waist"] = current[Measure.WAIST].value
    return size


def submission_token(client_token, measure) -> uuid.UUID | None:
    """One row's idempotency key, derived from the tablet's submission UUID and the measure."""
    return uuid.uuid5(client_token, measure) if client_token else None


def measurement_rows_for_submission(*, registration, client_token, measures):
    """Rows an earlier attempt of this submission already stored (empty if none)."""
    if not client_token:
        return []
    tokens = [submission_token(client_token, m) for m in measures]
    return list(Measurement.objects.filter(registration=registration, client_token__in=tokens))


def measurement_history_for_registration(*, registration, measures):
    """Every row of these measures, corrected ones included, with who entered and why."""
    return list(
        Measurement.objects.filter(registration=registration, measure__in=measures)
        .select_related("entered_by", "measured_by")
        .order_by("measure", "created_at", "id")
    )


def measurement_get_for_user(*, membership, by, public_id):
    """One measurement in the membership's region (404 otherwise); the read is logged."""
    measurement = get_object_or_404(
        Measurement.objects.filter(
            Exists(
                registration_queryset_for_user(membership=membership).filter(
                    pk=OuterRef("registration")
                )
            )
        ).select_related("registration__participant", "registration__consultation"),
        public_id=public_id,
    )
    _log(by, AccessEvent.Action.VIEW, [measurement.registration])
    return measurement


def measurement_current_list_for_consultation(*, registrations):
    """Current rows of these registrations (a queryset of one session), in one query, for
    group summaries. Not logged: the caller shows no personal data."""
    fields = ("registration_id", "measure", "value", "unit", "fasting", "colour", "ruleset_version")
    return list(Measurement.objects.filter(registration__in=registrations).current().only(*fields))


def progress_grid(*, membership, by, consultation, log=True):
    """Participant x station: done / missing. Two queries whatever the size of the session.

    `log=False` for the grid's own polling: the page view logged these names once already
    (a row per participant every 15 seconds would bury the privacy officer's log)."""
    # Only the participant is joined: every row is of `consultation`, which the caller holds,
    # so the session, its place and neighbourhood are not read and built again for each row.
    registrations = list(
        registration_queryset_for_user(
            membership=membership, consultation=consultation, include_cancelled=False
        )
        .select_related(None)
        .select_related("participant")
    )
    for registration in registrations:
        registration.consultation = consultation
    done = defaultdict(set)  # registration id -> stations with at least one current value
    for reg_id, measure in Measurement.objects.filter(
        registration__in=registrations, superseded_by__isnull=True
    ).values_list("registration_id", "measure"):
        done[reg_id].add(MEASURE_STATION.get(measure))
    rows = [(r, [s in done[r.pk] for s in MEASURED_STATIONS]) for r in registrations]
    if log:
        _log(by, AccessEvent.Action.LIST, registrations, detail="progress grid")
    return rows


def alert_open_list_for_consultation(*, consultation):
    """Unacknowledged alerts of a session, oldest first, in one query. Not logged here."""
    return list(
        Alert.objects.filter(
            measurement__registration__consultation=consultation, acknowledged_at__isnull=True
        ).select_related("measurement__registration__participant", "measurement__superseded_by")
    )


def alert_reasons_for_rows(*, rows) -> list[str]:
    """The alarm codes raised by just-saved measurement rows (no names): as `create_rows` left
    them on the rows it made, else one query (a retry's rows come from the database)."""
    if rows and all(hasattr(r, "alarm_reasons") for r in rows):
        return [code for r in rows for code in r.alarm_reasons]
    return list(
        Alert.objects.filter(measurement__in=[r.pk for r in rows]).values_list("reason", flat=True)
    )


def alert_get_for_user(*, membership, public_id):
    return get_object_or_404(
        Alert.objects.filter(
            measurement__registration__consultation__region=membership.region
        ).select_related(
            "measurement__registration__participant", "measurement__registration__consultation"
        ),
        public_id=public_id,
    )


def measurement_timeline_entries(*, membership, participant, registrations):
    """Timeline provider (trajectories/timeline.py): each session's current results with their
    stored colours, for roles that may see results. One query for all sessions."""
    if not membership.has_permission(Permission.MEASUREMENT_VIEW) or not registrations:
        return []
    rows = Measurement.objects.current().filter(registration__in=registrations)
    per_session = defaultdict(dict)
    for row in rows.order_by("measured_at", "id"):
        per_session[row.registration_id][row.measure] = row
    return [
        TimelineEntry(
            on=timezone.localdate(next(iter(results.values())).measured_at),
            template="measurements/_timeline_results.html",
            context={"results": list(results.values())},
            registration_id=registration_id,
        )
        for registration_id, results in per_session.items()
    ]


def _count_per_session(queryset, path):
    """A correlated COUNT of `queryset` rows whose `path` is the outer session (0 when none)."""
    counted = (
        queryset.filter(**{path: OuterRef("pk")})
        .order_by()
        .values(path)
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _open_alerts():
    return Alert.objects.filter(acknowledged_at__isnull=True)


def consultation_today_with_progress(*, region):
    """Today's sessions with present, measured and open-alarm counts: one query, no names."""
    active = Registration.objects.exclude(status="cancelled")
    return consultation_today_list(region=region).annotate(
        present_count=_count_per_session(active.filter(attendance="present"), "consultation"),
        measured_count=_count_per_session(
            active.filter(measurements__isnull=False), "consultation"
        ),
        open_alarm_count=_count_per_session(
            _open_alerts(), "measurement__registration__consultation"
        ),
    )


def alert_open_count(*, region) -> int:
    """Unacknowledged alarms in the region (the physician's header counter). Counts only."""
    return _open_alerts().filter(measurement__registration__consultation__region=region).count()


DAY_PANEL_LIMIT = 4  # today's sessions on the dashboard; the stations page lists them all


def day_dashboard_panel(request):
    """The "Today" panel for the stations and the physician: where to work, alarms, progress.

    One query and at most DAY_PANEL_LIMIT sessions (one more fetched to know there are more);
    for whoever acknowledges alarms, sessions with open alarms come first so none is cut off.
    """
    membership = request.membership
    enters = membership.has_permission(Permission.MEASUREMENT_ENTER)
    acknowledges = membership.has_permission(Permission.ALERT_ACKNOWLEDGE)
    if not (enters or acknowledges):
        return None
    sessions = consultation_today_with_progress(region=membership.region)
    if acknowledges:
        sessions = sessions.order_by("-open_alarm_count", "starts_at")
    sessions = list(sessions[: DAY_PANEL_LIMIT + 1])
    return {
        "template": "measurements/_dashboard_panel.html",
        "today": True,
        "sessions": sessions[:DAY_PANEL_LIMIT],
        "more": len(sessions) > DAY_PANEL_LIMIT,
        "enters": enters,
        "acknowledges": acknowledges,
    }
