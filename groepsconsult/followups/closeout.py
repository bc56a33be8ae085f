"""Session close-out: the checklist of loose ends after a session (selectors) and the debrief
(service). Loose ends: who left without a personal goal, whose booklet was not printed, which
hand-overs are still only proposed. No personal data leaves without an access-log row."""

from dataclasses import dataclass, field

from django.db import transaction

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write, audited_save
from groepsconsult.followups.models import SessionDebrief
from groepsconsult.goals.models import Goal
from groepsconsult.handovers.models import Handover
from groepsconsult.participants.selectors import participant_visible_queryset
from groepsconsult.registrations.models import Registration

PURPOSE = Purpose.SESSION_CLOSEOUT


@dataclass
class Checklist:
    without_goal: list = field(default_factory=list)
    booklet_not_printed: list = field(default_factory=list)
    proposed_handovers: list = field(default_factory=list)

    @property
    def is_clear(self):
        return not (self.without_goal or self.booklet_not_printed or self.proposed_handovers)


def _attended(*, membership, consultation):
    return list(
        Registration.objects.filter(
            consultation=consultation,
            participant__in=participant_visible_queryset(membership=membership),
        )
        .exclude(status=Registration.Status.CANCELLED)
        .exclude(attendance="absent")
        .select_related("participant")
        .order_by("day_number", "id")
    )


def closeout_checklist(*, membership, by: Actor, consultation) -> Checklist:
    registrations = _attended(membership=membership, consultation=consultation)
    participant_ids = [r.participant_id for r in registrations]
    with_goal = set(
        Goal.objects.filter(consultation=consultation).values_list(
            "trajectory__participant_id", flat=True
        )
    )
    # A booklet print is a PRINT row in the access log with the registration as subject.
    printed = set(
        AccessEvent.objects.filter(
            action=AccessEvent.Action.PRINT,
            subject_type="booklet",
            subject_id__in=[str(r.public_id) for r in registrations],
        ).values_list("subject_id", flat=True)
    )
    checklist = Checklist(
        without_goal=[r for r in registrations if r.participant_id not in with_goal],
        booklet_not_printed=[r for r in registrations if str(r.public_id) not in printed],
        proposed_handovers=list(
            Handover.objects.filter(
                participant_id__in=participant_ids, status=Handover.Status.PROPOSED
            ).select_related("participant", "offer")
        ),
    )
    access_log_write(
        by=by,
        action=AccessEvent.Action.LIST,
        subject_type="closeout",
        participant_ids=[r.participant.public_id for r in registrations],
        purpose=PURPOSE,
        detail=f"session {consultation.public_id}",
    )
    return checklist


def debrief_get(*, consultation):
    return SessionDebrief.objects.filter(consultation=consultation).first()


def debrief_record(*, consultation, values: dict, by: Actor) -> SessionDebrief:
    """Record or update the debrief (no personal data in it)."""
    with transaction.atomic():
        debrief = debrief_get(consultation=consultation) or SessionDebrief(
            consultation=consultation, recorded_by=by.user
        )
        for name, value in values.items():
            setattr(debrief, name, value)
        return audited_save(instance=debrief, by=by, purpose=PURPOSE)
