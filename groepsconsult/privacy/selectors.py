"""Reads for the privacy officer: a person by name and birth date within the region, logged."""

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import access_log_write
from groepsconsult.participants.models import Participant

PURPOSE_SUBJECT_ACCESS = Purpose.SUBJECT_ACCESS


def subject_search(*, membership, by, family_name, date_of_birth):
    """Everyone of the region with that family name and birth date; consent does not hide them
    here (a person asking for their data must get all of it)."""
    found = list(
        Participant.objects.filter(
            region=membership.region,
            family_name__iexact=family_name.strip(),
            date_of_birth=date_of_birth,
            anonymised_at__isnull=True,
        ).order_by("given_name")[:20]
    )
    access_log_write(
        by=by,
        action=AccessEvent.Action.VIEW,
        subject_type="participant",
        subject_ids=[p.public_id for p in found],
        participant_ids=[p.public_id for p in found],
        purpose=PURPOSE_SUBJECT_ACCESS,
        detail="search",
    )
    return found


def subject_get(*, membership, public_id):
    return Participant.objects.filter(region=membership.region, public_id=public_id).first()
