"""Writes for participants: validated, atomic and audited in the same transaction."""

from django.db import transaction
from django.utils import timezone

from groepsconsult.audit.services import Actor, audited_save
from groepsconsult.core.versioning import version_claim
from groepsconsult.participants.models import Participant, ParticipantChange, Trajectory


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
    return participant


def _text(value) -> str:
    return "" if value is None else str(value)[:255]
