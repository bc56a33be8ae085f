"""Writes for participants: validated, atomic and audited in the same transaction."""

from django.db import transaction

from groepsconsult.audit.services import Actor, audited_save
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


def participant_update(*, participant: Participant, by: Actor, purpose: str) -> Participant:
    """Save a correction and keep what it replaced, in one transaction."""
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
        audited_save(
            instance=participant, by=by, purpose=purpose, participant_ids=[participant.public_id]
        )
        ParticipantChange.objects.bulk_create(changes)
    return participant


def _text(value) -> str:
    return "" if value is None else str(value)[:255]
