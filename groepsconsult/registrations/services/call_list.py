"""The GP call list's "registered" outcome: the person gets a place in the intended session
through the same service as every other route, and the outcome is recorded with it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import.services import call_outcome_set
from groepsconsult.participants.models import CallListEntry
from groepsconsult.registrations.models import Registration
from groepsconsult.registrations.services.registration import registration_create


def registration_from_call(*, entry: CallListEntry, note: str, by: Actor) -> CallListEntry:
    """Register the called person in the import's intended session, all or nothing. Clicking
    "registered" twice is harmless: an existing place is kept."""
    consultation = entry.batch.consultation
    if consultation is None:
        raise ValidationError(
            _("This GP selection has no intended session: register the person from a session."),
            code="no_session",
        )
    with transaction.atomic():
        placed = Registration.objects.filter(
            consultation=consultation,
            participant=entry.participant,
            status=Registration.Status.REGISTERED,
        ).exists()
        if not placed:
            registration_create(
                consultation=consultation,
                participant=entry.participant,
                channel=Registration.Channel.GP_SELECTION,
                by=by,
            )
        return call_outcome_set(
            entry=entry, outcome=CallListEntry.Outcome.REGISTERED, note=note, by=by
        )
