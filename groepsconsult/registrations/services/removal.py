"""Removing bogus public sign-ups in one click, and undoing that exactly.

A flood of fake sign-ups fills a session and later costs an SMS per fake record. The coordinator
names the window (and, when the log shows one source, the client address); every public sign-up
of the session in it that nobody has ticked present is cancelled. The removal remembers which
registrations it cancelled, so undo restores exactly those.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.registrations import selectors
from groepsconsult.registrations.models import Registration, SignupRemoval
from groepsconsult.registrations.services.registration import PURPOSE_RECRUITMENT


def _set_status(*, registration, status, by) -> None:
    registration.status = status
    audited_save(
        instance=registration,
        by=by,
        purpose=PURPOSE_RECRUITMENT,
        participant_ids=[registration.participant.public_id],
    )
    send_facts_changed(
        Registration, consultation_ids=[registration.consultation_id], sessions_changed=True
    )


def signup_removal_create(
    *, consultation, since, until, ip_address=None, by: Actor
) -> SignupRemoval:
    if since > until:
        raise ValidationError({"until": _("The end of the window lies before its start.")})
    with transaction.atomic():
        registrations = selectors.self_registrations_removable(
            consultation=consultation, since=since, until=until, ip_address=ip_address
        )
        if not registrations:
            raise ValidationError(
                _("No public sign-ups of this session match this window."), code="none"
            )
        removal = SignupRemoval(
            consultation=consultation,
            since=since,
            until=until,
            ip_address=ip_address or None,
            removed_by=by.user,
        )
        audited_save(instance=removal, by=by, purpose=PURPOSE_RECRUITMENT)
        removal.registrations.set(registrations)
        for registration in registrations:
            _set_status(registration=registration, status=Registration.Status.CANCELLED, by=by)
    return removal


def signup_removal_undo(*, removal: SignupRemoval, by: Actor) -> int:
    """Give back the places; a registration changed since (e.g. re-registered) is left alone."""
    if removal.undone_at is not None:
        raise ValidationError(_("This removal was already undone."), code="undone")
    with transaction.atomic():
        restored = 0
        for registration in removal.registrations.select_related("participant"):
            if registration.status == Registration.Status.CANCELLED:
                _set_status(registration=registration, status=Registration.Status.REGISTERED, by=by)
                restored += 1
        removal.undone_at = timezone.now()
        removal.undone_by = by.user
        audited_save(instance=removal, by=by, purpose=PURPOSE_RECRUITMENT)
    return restored
