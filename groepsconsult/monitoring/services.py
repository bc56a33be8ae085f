"""Writes for monitoring: the region's targets, validated, atomic and audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.monitoring import facts
from groepsconsult.monitoring.models import Target

PURPOSE = Purpose.REGIONAL_SETUP


def target_save(*, target: Target, region, by: Actor) -> Target:
    """Create or change a target of `region`; one per indicator and year."""
    target.region = region
    try:
        with transaction.atomic():
            return audited_save(instance=target, by=by, purpose=PURPOSE)
    except IntegrityError as exc:  # two coordinators adding the same target at once
        raise ValidationError(
            {"indicator": _("This indicator already has a target for that year.")}
        ) from exc


def target_delete(*, target: Target, by: Actor) -> None:
    with transaction.atomic():
        access_log_write(
            by=by,
            action=AccessEvent.Action.DELETE,
            subject_type="target",
            subject_ids=[target.public_id],
            purpose=PURPOSE,
        )
        target.delete()


# The pre-aggregates' writes live in `facts`; these are the names other code calls.
facts_refresh = facts.facts_refresh
facts_refresh_for = facts.facts_refresh_for
facts_rebuild = facts.facts_rebuild
