"""Writes for participants: validated, atomic and audited in the same transaction."""

from django.db import transaction

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.participants.models import Participant
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


def participant_update(*, participant: Participant, by: Actor, purpose: str) -> Participant:
    return audited_save(
        instance=participant, by=by, purpose=purpose, participant_ids=[participant.public_id]
    )
