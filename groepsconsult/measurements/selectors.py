"""Reads of measurements, registrations at a station, and alerts.

Registrations are read on top of `participant_visible_queryset`, so region and role limits apply;
every read that shows a participant's data writes the access log (the caller passes `by`).
"""

import uuid
from collections import defaultdict

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import access_log_write
from groepsconsult.consultations.models import Consultation, Registration
from groepsconsult.consultations.selectors import consultation_today_list
from groepsconsult.measurements.models import Alert, Measurement
from groepsconsult.measurements.stations import MEASURE_STATION, MEASURED_STATIONS
from groepsconsult.participants.selectors import participant_search, participant_visible_queryset

PURPOSE = "measurement circuit"


def _log(by, action, registrations, detail=""):
    access_log_write(
        by=by,
        action=action,
        subject_type="measurement",
        participant_ids=[r.participant.public_id for r in registrations],
        purpose=PURPOSE,
        detail=detail,
    )


def registration_station_queryset(*, membership, consultation):
    """Registrations of a session that this membership may see (cancelled ones left out)."""
    return (
        Registration.objects.filter(
            consultation=consultation,
            participant__in=participant_visible_queryset(membership=membership),
        )
        .exclude(status="cancelled")
        .select_related("participant", "consultation")
    )


def registration_by_day_number(*, membership, consultation, day_number):
    """The registration with this day number, or None. Locating only: nothing shown yet."""
    qs = registration_station_queryset(membership=membership, consultation=consultation)
    return qs.filter(day_number=day_number).first()


def registration_search_at_station(*, membership, by, consultation, q):
    """Registrations of the session whose participant matches a (POSTed) name; logged."""
    people = participant_search(participant_visible_queryset(membership=membership), q)
    rows = list(
        registration_station_queryset(membership=membership, consultation=consultation).filter(
            participant__in=people
        )[:20]
    )
    _log(by, AccessEvent.Action.LIST, rows, detail="station name search")
    return rows


def registration_get_for_station(*, membership, by, public_id):
    """One registration in the membership's region (404 otherwise); the read is logged."""
    registration = get_object_or_404(
        Registration.objects.filter(
            consultation__region=membership.region,
            participant__in=participant_visible_queryset(membership=membership),
        ).select_related("participant", "consultation"),
        public_id=public_id,
    )
    _log(by, AccessEvent.Action.VIEW, [registration])
    return registration


def measurement_current_for_registration(*, registration) -> dict[str, Measurement]:
    """The current (not superseded) value per measure; the latest wins if a station saved twice."""
    rows = Measurement.objects.filter(
        registration=registration, superseded_by__isnull=True
    ).order_by("measured_at", "id")
    return {row.measure: row for row in rows}


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
            registration__consultation__region=membership.region,
            registration__participant__in=participant_visible_queryset(membership=membership),
        ).select_related("registration__participant", "registration__consultation"),
        public_id=public_id,
    )
    _log(by, AccessEvent.Action.VIEW, [measurement.registration])
    return measurement


def measurement_list_for_consultation(*, consultation):
    """Current rows of every registration of a session, in one query (for group summaries).

    Not logged here: the caller decides whether it shows personal data (the plenary does not).
    """
    return list(
        Measurement.objects.filter(
            registration__consultation=consultation, superseded_by__isnull=True
        )
        .exclude(registration__status="cancelled")
        .select_related("registration")
        .order_by("registration_id", "measure", "measured_at", "id")
    )


def progress_grid(*, membership, by, consultation):
    """Participant x station: done / missing. Two queries whatever the size of the session."""
    registrations = list(
        registration_station_queryset(membership=membership, consultation=consultation)
    )
    done = defaultdict(set)  # registration id -> stations with at least one current value
    for reg_id, measure in Measurement.objects.filter(
        registration__in=registrations, superseded_by__isnull=True
    ).values_list("registration_id", "measure"):
        done[reg_id].add(MEASURE_STATION.get(measure))
    rows = [(r, [s in done[r.pk] for s in MEASURED_STATIONS]) for r in registrations]
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
    """The alarm codes raised by just-saved measurement rows (one query; no names)."""
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


def consultation_list_for_station(*, region):
    """Sessions a station can be set up for: the region's, newest first, cancelled left out."""
    return (
        Consultation.objects.in_region(region)
        .exclude(status="cancelled")
        .select_related("neighbourhood")
        .order_by("-starts_at")
    )


def consultation_get_for_station(*, membership, public_id):
    """A session in the membership's region, or 404. Sessions hold no personal data."""
    return get_object_or_404(Consultation.objects.in_region(membership.region), public_id=public_id)


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


def day_dashboard_panel(request):
    """The "Today" panel for the stations and the physician: where to work, alarms, progress."""
    membership = request.membership
    enters = membership.has_permission(Permission.MEASUREMENT_ENTER)
    acknowledges = membership.has_permission(Permission.ALERT_ACKNOWLEDGE)
    if not (enters or acknowledges):
        return None
    return {
        "template": "measurements/_dashboard_panel.html",
        "today": True,
        "sessions": list(consultation_today_with_progress(region=membership.region)),
        "enters": enters,
        "acknowledges": acknowledges,
    }
