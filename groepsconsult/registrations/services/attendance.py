"""At the door: tick people present or absent, hand out day numbers, register walk-ins."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.consultations.models import Consultation
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.participants.models import Participant
from groepsconsult.participants.services import participant_register
from groepsconsult.registrations import policies, selectors
from groepsconsult.registrations.models import Registration
from groepsconsult.trajectories.services import trajectory_record_attendance

PURPOSE_DOOR = Purpose.ATTENDANCE
# Two hosts checking people in at the same moment may pick the same next number; the unique
# constraint refuses the second, which then takes the next one. A handful of tries is plenty.
DAY_NUMBER_ATTEMPTS = 5


def _save_checked_in(*, registration: Registration, by: Actor, action: str) -> None:
    """Save with a fresh day number when it has none; retry when another host took it first."""
    needs_number = registration.day_number is None
    for _attempt in range(DAY_NUMBER_ATTEMPTS):
        if needs_number:
            registration.day_number = selectors.registration_next_day_number(
                consultation=registration.consultation
            )
        # The day number's uniqueness is left to the database constraint (checked at save):
        # a Python-side check would race with the other host anyway.
        registration.full_clean(exclude=["day_number"])
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            if not needs_number:
                raise
            continue
        access_log_write(
            by=by,
            action=action,
            subject_type="registration",
            subject_ids=[registration.public_id],
            participant_ids=[registration.participant.public_id],
            purpose=PURPOSE_DOOR,
            detail=f"attendance {registration.attendance}, day number {registration.day_number}",
        )
        send_facts_changed(
            Registration, consultation_ids=[registration.consultation_id], sessions_changed=True
        )
        return
    raise ValidationError(
        _("Could not hand out a number for the day. Please try again."), code="day_number"
    )


def _lock(registration: Registration) -> None:
    """Re-read the row under a lock: a second door tablet holding the same person from before the
    first tablet's check-in must keep the number already handed out, not draw a second one."""
    fresh = Registration.objects.select_for_update().get(pk=registration.pk)
    for name in ("status", "day_number", "checked_in_at"):
        setattr(registration, name, getattr(fresh, name))


def attendance_mark(*, registration: Registration, attendance: str, by: Actor) -> Registration:
    """Present gets a check-in time and the next free day number; absent keeps any number given
    (measurements may already carry it), so a number is never handed out twice."""
    if attendance not in Registration.Attendance.values:
        raise ValidationError(_("Unknown attendance value."), code="invalid")
    policies.check_can_record_attendance(consultation=registration.consultation)
    with transaction.atomic():
        _lock(registration)
        if registration.status != Registration.Status.REGISTERED:
            raise ValidationError(
                _("This registration was cancelled; register the person again first."),
                code="cancelled",
            )
        registration.attendance = attendance
        if attendance == Registration.Attendance.PRESENT:
            registration.checked_in_at = registration.checked_in_at or timezone.now()
            _save_checked_in(registration=registration, by=by, action=AccessEvent.Action.CHANGE)
            trajectory_record_attendance(registration=registration, by=by)
            return registration
        registration.checked_in_at = None
        registration.full_clean()
        registration.save()
        access_log_write(
            by=by,
            action=AccessEvent.Action.CHANGE,
            subject_type="registration",
            subject_ids=[registration.public_id],
            participant_ids=[registration.participant.public_id],
            purpose=PURPOSE_DOOR,
            detail=f"attendance {attendance}",
        )
        send_facts_changed(
            Registration, consultation_ids=[registration.consultation_id], sessions_changed=True
        )
    return registration


def attendance_confirm_for_results(*, registration: Registration, by: Actor) -> Registration:
    """Results are being saved for this place, so the person is in the room: tick them present.
    A place marked absent is refused (the wrong person or the wrong place was picked)."""
    if registration.attendance == Registration.Attendance.PRESENT:
        return registration
    if registration.attendance == Registration.Attendance.ABSENT:
        raise ValidationError(
            _(
                "This person was marked absent at the door. Tick them present at the door "
                "first, then save the results."
            ),
            code="absent",
        )
    return attendance_mark(
        registration=registration, attendance=Registration.Attendance.PRESENT, by=by
    )


def registration_walk_in(
    *, consultation: Consultation, participant: Participant, by: Actor
) -> Registration:
    """Someone who walks in on the day: a participant, present, with a number, or nothing.

    Capacity is not enforced here: the person is already in the room; the tally shows the count.
    """
    policies.check_can_record_attendance(consultation=consultation)
    participant.full_clean(exclude=["region"])
    with transaction.atomic():
        policies.check_audience_fits(consultation=consultation, sex=participant.sex)
        if selectors.registration_duplicate_exists(
            consultation=consultation,
            given_name=participant.given_name,
            family_name=participant.family_name,
            date_of_birth=participant.date_of_birth,
        ):
            raise _already_on_the_list()
        participant_register(
            participant=participant, region=consultation.region, by=by, purpose=PURPOSE_DOOR
        )
        return _walk_in_registration(consultation=consultation, participant=participant, by=by)


def registration_walk_in_existing(
    *, consultation: Consultation, participant: Participant, by: Actor
) -> Registration:
    """A walk-in who turned out to be known already ("Bedoelt u ...?"): no second record."""
    policies.check_can_record_attendance(consultation=consultation)
    with transaction.atomic():
        policies.check_audience_fits(consultation=consultation, sex=participant.sex)
        if Registration.objects.filter(
            consultation=consultation,
            participant=participant,
            status=Registration.Status.REGISTERED,
        ).exists():
            raise _already_on_the_list()
        return _walk_in_registration(consultation=consultation, participant=participant, by=by)


def _already_on_the_list():
    return ValidationError(
        _("This person is already on the list: tick them present there."), code="duplicate"
    )


def _walk_in_registration(*, consultation, participant, by):
    """Inside the caller's transaction: present at once, with the next number of the day."""
    registration = Registration(
        consultation=consultation,
        participant=participant,
        channel=Registration.Channel.WALK_IN,
        attendance=Registration.Attendance.PRESENT,
        checked_in_at=timezone.now(),
    )
    _save_checked_in(registration=registration, by=by, action=AccessEvent.Action.CREATE)
    trajectory_record_attendance(registration=registration, by=by)
    return registration


def registration_record_earlier(
    *, consultation: Consultation, participant: Participant, by: Actor
) -> Registration:
    """A present place in an imported earlier session (the earlier-results import), so the
    trajectory takes that session as its first one. A re-import finds the place it made."""
    policies.check_can_record_earlier(consultation=consultation)
    with transaction.atomic():
        registration = Registration.objects.filter(
            consultation=consultation, participant=participant
        ).first()
        if registration is not None:
            return registration
        registration = Registration(
            consultation=consultation,
            participant=participant,
            channel=Registration.Channel.EARLIER,
            attendance=Registration.Attendance.PRESENT,
            checked_in_at=consultation.starts_at,
        )
        _save_checked_in(registration=registration, by=by, action=AccessEvent.Action.CREATE)
        trajectory_record_attendance(registration=registration, by=by)
    return registration
