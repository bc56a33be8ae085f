"""State rules for an import batch: when may it be confirmed or cancelled."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.participants.models import ImportBatch

# The raw file holds personal data; it waits at most this long for the coordinator's "import".
PREVIEW_LIFETIME = dt.timedelta(hours=24)


def preview_expired(batch, now=None) -> bool:
    return batch.created_at < (now or timezone.now()) - PREVIEW_LIFETIME


def check_can_confirm_batch(*, batch) -> None:
    if batch.status == ImportBatch.Status.IMPORTED:
        raise ValidationError(_("This file has already been imported."))
    if batch.status != ImportBatch.Status.PREVIEWED or preview_expired(batch):
        raise ValidationError(_("This check has expired or was cancelled. Upload the file again."))
    if batch.error_count:
        raise ValidationError(
            _(
                "The file has bad rows. Correct them in the file and upload it again: nothing was imported."
            )
        )
    if not batch.new_count:
        raise ValidationError(_("There is nobody new to import in this file."))


def can_confirm_batch(*, batch) -> bool:
    try:
        check_can_confirm_batch(batch=batch)
    except ValidationError:
        return False
    return True


def check_can_cancel_batch(*, batch) -> None:
    if batch.status != ImportBatch.Status.PREVIEWED:
        raise ValidationError(_("Only a file that has not been imported yet can be cancelled."))


def can_cancel_batch(*, batch) -> bool:
    return batch.status == ImportBatch.Status.PREVIEWED
