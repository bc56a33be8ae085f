"""Writes for participants: validated, atomic and audited in the same transaction."""

from django.db import transaction
from django.utils import timezone

from groepsconsult.audit.services import Actor, audited_save
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


def participant_update(*, participant: Participant, by: Actor, purpose: str) -> Participant:
    return audited_save(
        instance=participant, by=by, purpose=purpose, participant_ids=[participant.public_id]
    )
