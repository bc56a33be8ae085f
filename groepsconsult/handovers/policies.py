"""The legal steps of a warm hand-over, as one table a reader can check against the domain.

Who may take a step: the receiving offer's partner records the receiver's steps; the care team
(referrer, coordinator) requests, stops, and may record a receiver's step on their behalf
(e.g. when the offer has no account). Everything not in the table is refused.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from groepsconsult.accounts.permissions import Permission
from groepsconsult.handovers.models import ENDED_WITHOUT_RESULT, Handover

S = Handover.Status
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PROPOSED: frozenset({S.REQUESTED, S.STOPPED}),
    S.REQUESTED: frozenset({S.ACCEPTED, S.DECLINED, S.STOPPED}),
    S.ACCEPTED: frozenset({S.CONTACTED, S.NO_CONTACT, S.STOPPED}),
    S.CONTACTED: frozenset({S.APPOINTMENT_PLANNED, S.STOPPED}),
    S.APPOINTMENT_PLANNED: frozenset({S.STARTED, S.NO_CONTACT, S.STOPPED}),
    S.STARTED: frozenset({S.COMPLETED, S.STOPPED}),
}
NEEDS_REASON = ENDED_WITHOUT_RESULT
# Steps the receiver takes; the care team's own steps are requesting and stopping.
RECEIVER_STEPS = frozenset(
    {S.ACCEPTED, S.DECLINED, S.CONTACTED, S.APPOINTMENT_PLANNED, S.STARTED, S.COMPLETED}
    | {S.STOPPED, S.NO_CONTACT}
)
TEAM_STEPS = frozenset(S.values)


def next_steps(handover: Handover, membership) -> list[str]:
    """The statuses this membership may move the hand-over to now, in table order."""
    allowed = TRANSITIONS.get(handover.status, frozenset())
    mine = _steps_for(membership)
    return [value for value in S.values if value in allowed and value in mine]


def _steps_for(membership) -> frozenset[str]:
    if membership.has_permission(Permission.HANDOVER_MANAGE):
        return TEAM_STEPS
    if membership.has_permission(Permission.HANDOVER_RESPOND):
        return RECEIVER_STEPS
    return frozenset()


def check_can_advance_handover(handover: Handover, membership, to_status: str) -> None:
    """Raise PermissionDenied for a step of someone else, ValidationError for an illegal step."""
    if to_status not in _steps_for(membership):
        raise PermissionDenied("This step is not yours to take.")
    if to_status not in TRANSITIONS.get(handover.status, frozenset()):
        raise ValidationError(
            _("A hand-over that is %(from)s cannot become %(to)s."),
            params={"from": handover.get_status_display(), "to": S(to_status).label},
        )


def can_advance_handover(handover: Handover, membership) -> bool:
    return bool(next_steps(handover, membership))
