"""State rules for registrations: who may still get a place in which session.

`check_can_*` raise ValidationError with a kind, plain-language message (shown to residents too);
`can_*` return a bool for templates.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.consultations.models import Consultation
from groepsconsult.participants.models import Participant
from groepsconsult.registrations.models import Registration

# Audience values as planned on the consultation (consultations app); a session without the
# field is mixed. "Other / not stated" is never refused: people name their own sex.
_REFUSED_SEX = {
    "women": Participant.Sex.MALE,
    "female": Participant.Sex.MALE,
    "men": Participant.Sex.FEMALE,
    "male": Participant.Sex.FEMALE,
}
# Professionals may still add people to a planned (draft) or full-to-the-brim session.
_STAFF_BOOKABLE = {Consultation.Status.DRAFT, Consultation.Status.OPEN, Consultation.Status.FULL}


def consultation_audience(consultation) -> str:
    return getattr(consultation, "audience", "") or "mixed"


def check_audience_fits(*, consultation, sex) -> None:
    audience = consultation_audience(consultation)
    if _REFUSED_SEX.get(audience) == sex:
        if audience in ("women", "female"):
            message = _(
                "This meeting is only for women. Please choose another meeting: "
                "there are also meetings for everyone."
            )
        else:
            message = _(
                "This meeting is only for men. Please choose another meeting: "
                "there are also meetings for everyone."
            )
        raise ValidationError({"sex": message}, code="audience")


def check_not_full(*, consultation, registered_count) -> None:
    if registered_count >= consultation.capacity:
        raise ValidationError(
            _(
                "Sorry, this meeting is full. Please choose another date, "
                "or call us and we will put you on the list for the next one."
            ),
            code="full",
        )


def check_session_hourly_cap(*, recent_count) -> None:
    """A burst of sign-ups for one session is refused (one client filled a 15-place session)."""
    if recent_count >= settings.GC_SIGNUP_CAP_PER_SESSION_HOUR:
        raise ValidationError(
            _(
                "Many people signed up for this meeting in the past hour. Please try again "
                "later, or call us and we will sign you up."
            ),
            code="busy",
        )


def can_self_register(consultation) -> bool:
    return consultation.status == Consultation.Status.OPEN and consultation.starts_at > (
        timezone.now()
    )


def check_can_self_register(*, consultation) -> None:
    if not can_self_register(consultation):
        raise ValidationError(
            _("You can no longer sign up for this meeting. Please choose another date."),
            code="closed",
        )


def can_staff_register(consultation) -> bool:
    return consultation.status in _STAFF_BOOKABLE


def check_can_staff_register(*, consultation) -> None:
    if not can_staff_register(consultation):
        raise ValidationError(
            _("This session is held or cancelled: nobody can be registered for it any more."),
            code="closed",
        )


def can_record_attendance(consultation) -> bool:
    return consultation.status != Consultation.Status.CANCELLED


def check_can_record_attendance(*, consultation) -> None:
    if not can_record_attendance(consultation):
        raise ValidationError(
            _("This session was cancelled: attendance cannot be recorded."), code="cancelled"
        )


def check_can_record_earlier(*, consultation) -> None:
    """Places are only added after the day in a session the earlier-results import recreated."""
    if not consultation.imported:
        raise ValidationError(
            _("Only an imported earlier session takes places after the day."), code="not_imported"
        )


def check_channel_details(*, channel, referral_reason, community_contact) -> None:
    """Each route records what evaluation of reach per route needs."""
    if channel == Registration.Channel.PROFESSIONAL and not referral_reason.strip():
        raise ValidationError(
            {"referral_reason": _("Give the reason for the referral.")}, code="required"
        )
    if channel == Registration.Channel.COMMUNITY and not community_contact.strip():
        raise ValidationError(
            {"community_contact": _("Name the key person or group that brought them.")},
            code="required",
        )


def can_cancel_registration(registration) -> bool:
    return (
        registration.status == Registration.Status.REGISTERED
        and registration.attendance != Registration.Attendance.PRESENT
    )


def check_can_cancel_registration(*, registration) -> None:
    if not can_cancel_registration(registration):
        raise ValidationError(
            _("Only a registration of someone who has not been ticked present can be cancelled."),
            code="cancel",
        )


def can_fill_for_registration(registration) -> bool:
    """Only a live place in a session takes answers, goals or measurements: a cancelled one is
    history (the welfare table, the individual talk)."""
    return registration.status == Registration.Status.REGISTERED


def check_can_fill_for_registration(registration) -> None:
    if not can_fill_for_registration(registration):
        raise PermissionDenied("This registration was cancelled.")
