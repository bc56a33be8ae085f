"""Erasure by anonymisation (AVG art. 17) and the retention rules that apply it.

Anonymising keeps what anonymous aggregates need (year of birth, sex, the postcode's four digits,
neighbourhood, measurements, consent decisions) and removes what identifies: names, full date of
birth, contact details, BSN, the correction history and every free-text field of every row that
hangs off the participant (a goal, a note: free text can name people).
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.participants.models import Participant, ParticipantChange
from groepsconsult.privacy.subject_access import related_rows

ANONYMOUS_NAME = "—"
PURPOSE_ERASURE = Purpose.ERASURE
PURPOSE_RETENTION = Purpose.RETENTION


def participant_anonymise(*, participant: Participant, by: Actor, purpose: str) -> Participant:
    """Remove the identity, keep the anonymous facts; logged; idempotent."""
    with transaction.atomic():
        for model, queryset in related_rows(participant):
            if model is ParticipantChange:
                queryset.delete()
                continue
            cleared = _free_text_fields(model)
            if cleared:
                queryset.update(**dict.fromkeys(cleared, ""))
        _strip_identity(participant)
        participant.save()
        access_log_write(
            by=by,
            action=AccessEvent.Action.DELETE,
            subject_type="participant",
            subject_ids=[participant.public_id],
            participant_ids=[participant.public_id],
            purpose=purpose,
            detail="anonymised",
        )
    return participant


def _strip_identity(participant):
    participant.given_name = participant.family_name = ANONYMOUS_NAME
    participant.date_of_birth = dt.date(participant.date_of_birth.year, 1, 1)
    participant.phone = participant.email = participant.bsn = ""
    participant.postcode = (participant.postcode or "")[:4]
    for name in _free_text_fields(Participant, keep=("given_name", "family_name", "postcode")):
        setattr(participant, name, "")
    participant.anonymised_at = timezone.now()


def _free_text_fields(model, keep=()):
    """Free text (a goal in own words, a note) and blank-able text without a fixed list of
    values: where people write names and stories."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if not f.choices
        and not f.unique
        and f.name not in keep
        and not f.name.endswith(("_id", "token", "version", "code", "measure", "unit"))
        and (isinstance(f, models.TextField) or (isinstance(f, models.CharField) and f.blank))
    ]


@dataclass(frozen=True)
class RetentionRule:
    name: str
    days: int
    description: str


def retention_rules() -> list[RetentionRule]:
    days = settings.RETENTION_DAYS
    return [
        RetentionRule(
            "inactive_participant",
            days["inactive_participant"],
            "participants with no session, change or sign-up in this many days",
        ),
    ]


def participants_past_retention(*, today=None):
    """Participants whose last activity (last session, last change, creation) is too long ago."""
    today = today or timezone.localdate()
    cutoff = today - dt.timedelta(days=settings.RETENTION_DAYS["inactive_participant"])
    last_session = Max("registrations__consultation__starts_at__date")
    return (
        Participant.objects.filter(anonymised_at__isnull=True)
        .annotate(last_session=last_session)
        .filter(Q(last_session__lt=cutoff) | Q(last_session__isnull=True))
        .filter(updated_at__date__lt=cutoff)
    )


def apply_retention(*, today=None, dry_run=False) -> dict:
    """Anonymise everyone past retention; returns {rule: count}. Safe to run every night."""
    due = list(participants_past_retention(today=today))
    if not dry_run:
        by = Actor.system("apply_retention")
        for participant in due:
            participant_anonymise(participant=participant, by=by, purpose=PURPOSE_RETENTION)
    return {"inactive_participant": len(due)}
