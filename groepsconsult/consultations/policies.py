"""State rules of a consultation: which status may follow which, and when it may be changed.

`check_can_*` raises ValidationError with a message for the user; `can_*` returns a bool for
templates. Time is passed in (`now`) so the rules are testable without freezing the clock.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.consultations.models import Consultation

S = Consultation.Status
# Held and cancelled are final: a held session has its data, a cancelled one was announced.
TRANSITIONS = {
    S.DRAFT: {S.OPEN, S.CANCELLED},
    S.OPEN: {S.DRAFT, S.FULL, S.HELD, S.CANCELLED},
    S.FULL: {S.OPEN, S.HELD, S.CANCELLED},
    S.HELD: set(),
    S.CANCELLED: set(),
}
FINAL = {S.HELD, S.CANCELLED}


def check_can_set_status(consultation, status, *, now=None):
    now = now or timezone.now()
    current = S(consultation.status)
    if status not in TRANSITIONS[current]:
        if current in FINAL:
            raise ValidationError(
                _("This session is %(status)s; its status can no longer change.")
                % {"status": current.label.lower()}
            )
        raise ValidationError(
            _("A session that is %(current)s cannot become %(new)s.")
            % {"current": current.label.lower(), "new": S(status).label.lower()}
        )
    if status == S.OPEN:
        if not consultation.location_id or not consultation.room:
            raise ValidationError(_("Choose a location and a room before opening registration."))
        if consultation.starts_at <= now:
            raise ValidationError(_("A session in the past cannot open for registration."))
    if status == S.HELD and consultation.starts_at > now:
        raise ValidationError(_("A session can only be marked as held after it has started."))


def check_can_record_earlier(starts_at, *, now=None):
    """An imported earlier session lies in the past: a session still to come is planned."""
    if starts_at >= (now or timezone.now()):
        raise ValidationError(_("An earlier session must lie in the past."))


def can_set_status(consultation, status, *, now=None) -> bool:
    try:
        check_can_set_status(consultation, status, now=now)
    except ValidationError:
        return False
    return True


def allowed_statuses(consultation, *, now=None):
    """The statuses the session may move to now, in the order of the choices."""
    return [s for s in S if can_set_status(consultation, s, now=now)]


def check_can_edit_consultation(consultation):
    """Plans, roster and run sheet change until the session is held or cancelled."""
    if consultation.status in FINAL:
        raise ValidationError(
            _("This session is %(status)s and can no longer be changed. Copy it instead.")
            % {"status": S(consultation.status).label.lower()}
        )


def can_edit_consultation(consultation) -> bool:
    return consultation.status not in FINAL
