"""Rules for return invitations: which sessions may be used, and what may follow what.

`check_*` raise a ValidationError with a message for the coordinator; views put it on the form.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from groepsconsult.consultations.models import Consultation
from groepsconsult.returns.models import ReturnInvitation

# Not coming because they chose so: the trajectory stops. Otherwise nobody can reach them
# (any more): the trajectory is lost to follow-up, and may still be found again at a return.
STOP_REASONS = frozenset(
    {ReturnInvitation.NotComing.NO_INTEREST, ReturnInvitation.NotComing.TOO_ILL}
)
CLOSED = frozenset({Consultation.Status.HELD, Consultation.Status.CANCELLED})


def can_invite_for(consultation) -> bool:
    return consultation.kind == Consultation.Kind.RETURN and consultation.status not in CLOSED


def check_can_invite_for(*, consultation, baselines) -> None:
    if not can_invite_for(consultation):
        raise ValidationError(
            _("Invitations can only be sent for a 6-month session that is still to come."),
            code="closed",
        )
    for baseline in baselines:
        if (
            baseline.region_id != consultation.region_id
            or baseline.kind != Consultation.Kind.FIRST
            or baseline.starts_at >= consultation.starts_at
        ):
            message = _("Choose first sessions held before this 6-month session.")
            raise ValidationError({"baselines": ValidationError(message, code="baseline")})


def check_can_record_not_coming(*, invitation, registered: bool) -> None:
    if invitation.not_coming_reason:
        raise ValidationError(_("This person is already recorded as not coming."), code="done")
    if registered:
        raise ValidationError(
            _("This person has a place in the 6-month session: cancel the place first."),
            code="registered",
        )


def check_can_register(*, invitation) -> None:
    if invitation.not_coming_reason:
        raise ValidationError(
            _(
                "This person is recorded as not coming; register them the normal way if they "
                "changed their mind."
            ),
            code="not_coming",
        )
