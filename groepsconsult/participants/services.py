"""Writes for participants: validated, atomic and audited in the same transaction."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.core.signals import send_facts_changed
from groepsconsult.core.versioning import version_claim
from groepsconsult.participants.models import Participant, ParticipantChange
from groepsconsult.trajectories.services import trajectory_open


def participant_register(
    *, participant: Participant, region, by: Actor, purpose: str
) -> Participant:
    """A new participant with an open trajectory, so they show up in every later step."""
    participant.region = region
    with transaction.atomic():
        audited_save(
            instance=participant, by=by, purpose=purpose, participant_ids=[participant.public_id]
        )
        trajectory_open(participant=participant, by=by)
    return participant


def participant_register_once(
    *, participant: Participant, region, by: Actor, purpose: str
) -> Participant:
    """The staff form's create: the form's submission key is the new record's public_id, so a
    double click (or a resent form) finds the participant the first click made instead of
    creating a second one."""
    with transaction.atomic():
        existing = Participant.objects.filter(
            region=region, public_id=participant.public_id
        ).first()
        if existing is not None:
            return existing
        return participant_register(participant=participant, region=region, by=by, purpose=purpose)


# Fields a correction is recorded for (AVG art. 16: rectification with history).
TRACKED_FIELDS = (
    "given_name",
    "family_name",
    "date_of_birth",
    "sex",
    "phone",
    "email",
    "postcode",
    "preferred_language",
    "neighbourhood_id",
    "gp_practice_id",
    "bsn",
)


def participant_update(
    *, participant: Participant, by: Actor, purpose: str, expected_version: int | None = None
) -> Participant:
    """Save a correction and keep what it replaced, in one transaction; refuse it when someone
    else saved since the form was opened (`expected_version`, see core.versioning)."""
    before = Participant.objects.filter(pk=participant.pk).values(*TRACKED_FIELDS).first() or {}
    changes = [
        ParticipantChange(
            participant=participant,
            field=name,
            old_value=_text(before[name]),
            new_value=_text(getattr(participant, name)),
            changed_by=by.username,
        )
        for name in TRACKED_FIELDS
        if name in before and before[name] != getattr(participant, name)
    ]
    with transaction.atomic():
        version_claim(participant, expected=expected_version)
        audited_save(
            instance=participant, by=by, purpose=purpose, participant_ids=[participant.public_id]
        )
        ParticipantChange.objects.bulk_create(changes)
        send_facts_changed(Participant, participant_ids=[participant.pk], sessions_changed=False)
    return participant


def _text(value) -> str:
    return "" if value is None else str(value)[:255]


PURPOSE_MERGE = Purpose.MERGE
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
        send_facts_changed(Participant, participant_ids=[keep.pk], sessions_changed=True)
    return keep


def participant_background_save(*, background, by: Actor, purpose: str):
    """Save the optional background answers (education, health literacy, self-rated health)."""
    background.recorded_by = by.username
    with transaction.atomic():
        saved = audited_save(
            instance=background,
            by=by,
            purpose=purpose,
            participant_ids=[background.participant.public_id],
        )
        send_facts_changed(
            type(background), participant_ids=[background.participant_id], sessions_changed=False
        )
    return saved
