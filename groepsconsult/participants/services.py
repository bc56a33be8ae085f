"""Writes for participants: validated, atomic and audited in the same transaction."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.participants.models import Participant, Trajectory


def participant_register(
    *, participant: Participant, region, by: Actor, purpose: str
) -> Participant:
    """A new participant with an open trajectory, so they show up in every later step."""
    participant.region = region
    with transaction.atomic():
        audited_save(
            instance=participant, by=by, purpose=purpose, participant_ids=[participant.public_id]
        )
        trajectory = Trajectory(
            participant=participant,
            status=Trajectory.Status.REGISTERED,
            started_on=timezone.localdate(),
        )
        audited_save(
            instance=trajectory, by=by, purpose=purpose, participant_ids=[participant.public_id]
        )
    return participant


def participant_update(*, participant: Participant, by: Actor, purpose: str) -> Participant:
    return audited_save(
        instance=participant, by=by, purpose=purpose, participant_ids=[participant.public_id]
    )


PURPOSE_MERGE = "one person, one record: merge"
# Filled from the duplicate when the kept record lacks them.
MERGE_FILL_FIELDS = ("phone", "email", "postcode", "bsn", "neighbourhood", "gp_practice")


def _move_related(*, keep, duplicate) -> dict[str, int]:
    """Point every row of every app that refers to `duplicate` at `keep` (found through the
    model's relations, so a new app's rows move too without editing this function)."""
    moved = {}
    for relation in Participant._meta.related_objects:
        if relation.many_to_many:
            continue
        field = relation.field.name
        rows = relation.related_model._base_manager.filter(**{field: duplicate})
        try:
            with transaction.atomic():
                count = rows.update(**{field: keep})
        except IntegrityError:
            raise ValidationError(
                _(
                    "Both records have the same %(what)s (for example two registrations for one "
                    "session). Cancel one of them first, then merge."
                )
                % {"what": relation.related_model._meta.verbose_name}
            ) from None
        if count:
            moved[relation.related_model._meta.label_lower] = count
    return moved


def participant_merge(*, keep: Participant, duplicate: Participant, by: Actor) -> Participant:
    """Merge two records of one person: `duplicate`'s history moves to `keep`, then it goes.

    All or nothing. The access log keeps one event naming both ids and what moved, so earlier
    log rows about the duplicate can still be traced to the person.
    """
    if keep.pk == duplicate.pk or keep.region_id != duplicate.region_id:
        raise ValidationError(_("Choose two different records of the same region."))
    with transaction.atomic():
        moved = _move_related(keep=keep, duplicate=duplicate)
        for name in MERGE_FILL_FIELDS:
            if not getattr(keep, name) and getattr(duplicate, name):
                setattr(keep, name, getattr(duplicate, name))
        access_log_write(
            by=by,
            action=AccessEvent.Action.DELETE,
            subject_type="participant",
            subject_ids=[duplicate.public_id, duplicate.public_id],  # one row per person id
            participant_ids=[keep.public_id, duplicate.public_id],
            purpose=PURPOSE_MERGE,
            detail=f"merged into {keep.public_id}; moved {moved}",
        )
        duplicate.delete()
        audited_save(instance=keep, by=by, purpose=PURPOSE_MERGE, participant_ids=[keep.public_id])
    return keep
