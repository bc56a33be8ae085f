"""Writes of measurements and alerts: atomic, validated, audited.

Invariants protected here:
- one row per value: two stations saving for one participant touch different rows;
- a measure has at most one current row per registration: a second value goes through a
  correction (with reason and who) or a device import, both of which supersede, never edit;
- a retried submission (same client token) returns its rows instead of writing them again.
"""

import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.consultations.models import Consultation
from groepsconsult.core.signals import facts_changed_together, send_facts_changed
from groepsconsult.measurements.classify import classify, is_plausible, plausible_message
from groepsconsult.measurements.models import Alert, Measure, Measurement
from groepsconsult.measurements.selectors import (
    measurement_rows_for_submission,
    measurement_taken_measures,
    submission_token,
)
from groepsconsult.measurements.stations import MEASURE_STATION, unit_for
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.services import attendance_confirm_for_results

PURPOSE = Purpose.MEASUREMENTS
_BP = (Measure.SYSTOLIC, Measure.DIASTOLIC)


@dataclass(frozen=True)
class Entry:
    """What a station submits for one participant."""

    values: dict  # measure -> Decimal
    fasting: bool | None = None
    method: str = Measurement.Method.PROFESSIONAL
    device: str = ""


def bmi_from(weight: Decimal, height_cm: Decimal) -> Decimal:
    """BMI = kg / m^2, one decimal, as the booklet shows it."""
    metres = height_cm / Decimal(100)
    return (weight / (metres * metres)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _with_bmi(values: dict) -> dict:
    values = dict(values)
    if Measure.BMI not in values and {Measure.WEIGHT, Measure.HEIGHT} <= values.keys():
        values[Measure.BMI] = bmi_from(values[Measure.WEIGHT], values[Measure.HEIGHT])
    return values


def values_errors(values: dict, fasting) -> dict:
    """measure (or "fasting", "__all__") -> message, for values a station would refuse; the
    earlier-results import checks each row of a file with the same rules."""
    errors = {m: plausible_message(m, v) for m, v in values.items() if not is_plausible(m, v)}
    if (Measure.SYSTOLIC in values) != (Measure.DIASTOLIC in values):
        missing = Measure.DIASTOLIC if Measure.SYSTOLIC in values else Measure.SYSTOLIC
        errors.setdefault(missing, _("Enter both the upper and the lower blood pressure."))
    if Measure.GLUCOSE in values and fasting is None:
        errors["fasting"] = _("Say whether the participant has fasted (8 hours or more).")
    if not values:
        errors["__all__"] = _("Enter at least one value.")
    return errors


def _validate(values: dict, fasting) -> None:
    errors = values_errors(values, fasting)
    if errors:
        raise ValidationError(errors)


# Checked by the caller already (the locked registration, the signed-in user): full_clean need
# not look each one up again per value.
CHECKED_RELATIONS = ("registration", "measured_by", "entered_by")


def create_rows(*, registration, values, verdicts, entry, by, measured_at, **extra):
    """Create one row per value plus its alerts, inside the caller's transaction.

    The values go in with one INSERT and one access-log INSERT (one log row per value, as
    before), not a save and three look-ups per value: a care station saves several at once.
    """
    attendance_confirm_for_results(registration=registration, by=by)
    rows = [
        Measurement(
            registration=registration,
            measure=measure,
            value=value,
            unit=unit_for(measure),
            station=MEASURE_STATION.get(measure, ""),
            method=entry.method,
            device=entry.device,
            fasting=entry.fasting if measure == Measure.GLUCOSE else None,
            measured_at=measured_at,
            measured_by=by.user if entry.method != Measurement.Method.SELF else None,
            entered_by=by.user,
            colour=verdicts[measure].colour,
            ruleset_version=verdicts[measure].ruleset_version,
            client_token=submission_token(extra.get("client_token"), measure),
            correction_reason=extra.get("reason", ""),
        )
        for measure, value in values.items()
    ]
    for row in rows:
        # Uniqueness (public_id is new, client_token) is the database's: the caller handles
        # the IntegrityError of a retried submission.
        row.full_clean(exclude=CHECKED_RELATIONS, validate_unique=False)
    Measurement.objects.bulk_create(rows)
    access_log_write(
        by=by,
        action=AccessEvent.Action.CREATE,
        subject_type=Measurement._meta.model_name,
        subject_ids=[row.public_id for row in rows],
        participant_ids=[registration.participant.public_id] * len(rows),
        purpose=PURPOSE,
    )
    for row in rows:
        row.alarm_reasons = list(verdicts[row.measure].alarms)  # told at once, not re-read
        for code in row.alarm_reasons:
            audited_save(instance=Alert(measurement=row, reason=code), by=by, purpose=PURPOSE)
    return rows


def lock_registration(registration):
    """Serialise writes per participant (PostgreSQL; SQLite already runs IMMEDIATE), and refuse
    values for a place that was cancelled (or a cancelled session) since the page was opened."""
    # The two states only (both rows locked, as before): building the registration and its
    # session as models again cost more than the locking read itself.
    fresh = (
        Registration.objects.select_for_update()
        .filter(pk=registration.pk)
        .values_list("status", "consultation__status")
        .first()
    )
    if fresh is None or (
        fresh[0] == Registration.Status.CANCELLED or fresh[1] == Consultation.Status.CANCELLED
    ):
        raise ValidationError(
            _("This registration or session was cancelled: no values can be recorded for it."),
            code="cancelled",
        )


def measurements_record(
    *, registration, entry: Entry, by: Actor, client_token: uuid.UUID | None = None
) -> list[Measurement]:
    """Save the values a station entered for one participant; idempotent per client token."""
    values = _with_bmi(entry.values)
    tokens = [submission_token(client_token, m) for m in values] if client_token else []
    done = measurement_rows_for_submission(
        registration=registration, client_token=client_token, measures=values
    )
    if done:
        return done
    _validate(values, entry.fasting)
    verdicts = classify(values, sex=registration.participant.sex, fasting=entry.fasting)
    try:
        # One facts refresh for the door tick, the trajectory's steps and the values together.
        with transaction.atomic(), facts_changed_together():
            lock_registration(registration)
            taken = measurement_taken_measures(registration=registration, measures=values)
            if taken:
                message = _("Already recorded. Use 'Correct' to change it (with a reason).")
                raise ValidationError(dict.fromkeys(sorted(taken), message))
            rows = create_rows(
                registration=registration,
                values=values,
                verdicts=verdicts,
                entry=entry,
                by=by,
                measured_at=timezone.now(),
                client_token=client_token,
            )
            _facts_changed(registration)
            return rows
    except IntegrityError:
        # A retry raced its own first attempt: the first one won, return what it stored.
        done = list(Measurement.objects.filter(client_token__in=tokens)) if tokens else []
        if done:
            return done
        raise


@dataclass(frozen=True)
class EarlierResult:
    rows: list  # the new Measurement rows
    unchanged: int  # values already stored with the same value (a re-import)
    conflicts: dict  # measure -> the other value already stored; nothing was written


def measurements_record_earlier(
    *, registration, values: dict, fasting, measured_at, by: Actor
) -> EarlierResult:
    """Values of an earlier session (the earlier-results import) with their original date,
    checked and coloured as at the station. A measure already stored with the same value is
    left alone (a re-import); one stored with another value is a conflict, and then nothing is
    written for this registration: a correction is made in the app, with a reason."""
    values = _with_bmi(values)
    _validate(values, fasting)
    with transaction.atomic():
        lock_registration(registration)
        stored = {
            m.measure: m.value
            for m in Measurement.objects.filter(
                registration=registration, measure__in=values, superseded_by__isnull=True
            )
        }
        conflicts = {m: v for m, v in stored.items() if v != values[m]}
        new = {m: v for m, v in values.items() if m not in stored}
        if conflicts or not new:
            return EarlierResult([], len(stored) - len(conflicts), conflicts)
        rows = create_rows(
            registration=registration,
            values=new,
            verdicts=classify(new, sex=registration.participant.sex, fasting=fasting),
            entry=Entry(values=new, fasting=fasting),
            by=by,
            measured_at=measured_at,
        )
        _facts_changed(registration)
    return EarlierResult(rows, len(stored), {})


def supersede(old: Measurement, new: Measurement) -> None:
    # Conditional update: if another correction won the race, this one must fail, not fork.
    updated = Measurement.objects.filter(pk=old.pk, superseded_by__isnull=True).update(
        superseded_by=new
    )
    if not updated:
        raise ValidationError(_("This value was corrected by someone else just now. Reload."))


def measurement_correct(
    *, measurement: Measurement, values: dict, reason: str, by: Actor, fasting=None
) -> list[Measurement]:
    """Replace a current value with a corrected one; the old row stays, pointing at the new.

    A blood-pressure correction always replaces both halves, so the pair colour stays right.
    """
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason for the correction.")})
    if measurement.superseded_by_id:
        raise ValidationError(_("This value has already been corrected."))
    registration = measurement.registration
    if measurement.fasting is not None and fasting is None:
        fasting = measurement.fasting
    _validate(values, fasting)
    verdicts = classify(values, sex=registration.participant.sex, fasting=fasting)
    entry = Entry(
        values=values, fasting=fasting, method=measurement.method, device=measurement.device
    )
    with transaction.atomic():
        lock_registration(registration)
        olds = {
            m.measure: m
            for m in Measurement.objects.filter(
                registration=registration, measure__in=values, superseded_by__isnull=True
            )
        }
        news = create_rows(
            registration=registration,
            values=values,
            verdicts=verdicts,
            entry=entry,
            by=by,
            measured_at=measurement.measured_at,
            reason=reason.strip(),
        )
        for new in news:
            if new.measure in olds:
                supersede(olds[new.measure], new)
        _facts_changed(registration)
    return news


def _facts_changed(registration) -> None:
    """The monitoring's baseline and return values follow the current measurement."""
    send_facts_changed(
        Measurement, participant_ids=[registration.participant_id], sessions_changed=False
    )


def correction_measures(measurement: Measurement) -> tuple[str, ...]:
    """Which measures a correction of this row must cover (both halves of a blood pressure)."""
    return _BP if measurement.measure in _BP else (measurement.measure,)


def alert_acknowledge(*, alert: Alert, by: Actor) -> Alert:
    """The physician has seen the alarm value; it leaves the open list. Idempotent."""
    if alert.acknowledged_at:
        return alert
    alert.acknowledged_at = timezone.now()
    alert.acknowledged_by = by.user
    return audited_save(
        instance=alert,
        by=by,
        purpose=PURPOSE,
        participant_ids=[alert.measurement.registration.participant.public_id],
    )
