"""The trajectory's state machine as a table: which status may follow which.

Services consult this table before every move; nothing else changes `Trajectory.status`.
`check_can_move_trajectory` raises; `can_move_trajectory` returns a bool for templates.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from groepsconsult.consultations.models import Consultation
from groepsconsult.trajectories.models import (
    AWAITING_RETURN_STATUSES,
    ENDED_STATUSES,
    Trajectory,
)

S = Trajectory.Status

# from status -> the statuses it may move to. Ended trajectories (completed, stopped) stay
# ended: a person who comes back starts a new trajectory. Someone lost to follow-up who turns
# up at the 6-month session is found again, so "lost" may still move to "returned".
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.INVITED: frozenset({S.REGISTERED, S.BASELINE_DONE, S.STOPPED}),
    S.REGISTERED: frozenset({S.BASELINE_DONE, S.STOPPED}),
    S.BASELINE_DONE: frozenset({S.FOLLOW_UP, S.RETURNED, S.STOPPED, S.LOST}),
    S.FOLLOW_UP: frozenset({S.RETURNED, S.STOPPED, S.LOST}),
    S.RETURNED: frozenset({S.COMPLETED, S.STOPPED}),
    S.LOST: frozenset({S.RETURNED}),
    S.COMPLETED: frozenset(),
    S.STOPPED: frozenset(),
}
ENDED = ENDED_STATUSES
NEEDS_REASON = frozenset({S.STOPPED, S.LOST})
# Before the first session is attended, registering moves the baseline link to the new session.
BEFORE_BASELINE = frozenset({S.INVITED, S.REGISTERED})
# After it, a session about six months later (or one planned as a return session) is the return.
AWAITING_RETURN = AWAITING_RETURN_STATUSES
RETURN_MIN_GAP = timedelta(days=120)


def can_move_trajectory(*, trajectory, to_status) -> bool:
    return to_status in ALLOWED_TRANSITIONS.get(trajectory.status, frozenset())


def check_can_move_trajectory(*, trajectory, to_status, reason: str = "") -> None:
    if not can_move_trajectory(trajectory=trajectory, to_status=to_status):
        raise ValidationError(
            _("A trajectory that is '%(current)s' cannot become '%(target)s'.")
            % {"current": S(trajectory.status).label, "target": S(to_status).label},
            code="transition",
        )
    if to_status in NEEDS_REASON and not reason.strip():
        raise ValidationError({"stop_reason": _("Give the reason.")}, code="required")


def is_return_session(*, trajectory, consultation) -> bool:
    """Is this session the trajectory's 6-month return? Planned as one, or held about six
    months after the first session the participant attended."""
    if trajectory.status not in AWAITING_RETURN:
        return False
    if consultation.kind == Consultation.Kind.RETURN:
        return True
    baseline = trajectory.baseline_consultation
    return baseline is not None and consultation.starts_at >= baseline.starts_at + RETURN_MIN_GAP
