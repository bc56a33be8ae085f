"""A participant's path through one programme, and the history of its steps.

The state machine that moves `Trajectory.status` lives in `services.py` with its policy table in
`policies.py`; nothing else writes these rows (see docs/trajectories.md).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, TimeStampedModel


class Trajectory(PublicModel):
    """One participant's path: baseline session, hand-overs, follow-up call, 6-month return."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        REGISTERED = "registered", _("Registered")
        BASELINE_DONE = "baseline_done", _("Attended first session")
        FOLLOW_UP = "follow_up", _("In follow-up")
        RETURNED = "returned", _("Attended 6-month session")
        COMPLETED = "completed", _("Completed")
        STOPPED = "stopped", _("Stopped")
        LOST = "lost", _("Lost to follow-up")

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="trajectories"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.REGISTERED
    )
    baseline_consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="baseline_trajectories",
        verbose_name=_("first session"),
    )
    return_consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="return_trajectories",
        verbose_name=_("6-month session"),
    )
    started_on = models.DateField(_("started on"))
    follow_up_call_due = models.DateField(_("follow-up call due"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    stop_reason = models.CharField(_("reason for stopping"), max_length=200, blank=True)

    class Meta:
        # The table keeps the name it had under `participants` (moved without copying data).
        db_table = "participants_trajectory"
        ordering = ["-started_on"]
        indexes = [models.Index(fields=["status", "follow_up_call_due"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="trajectory_ends_after_start",
            ),
            # Stopping or losing someone says why, so the review meeting can pick it up.
            models.CheckConstraint(
                condition=~Q(status__in=["stopped", "lost"]) | ~Q(stop_reason=""),
                name="trajectory_ended_early_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.participant_id}: {self.status}"


# A trajectory in one of these has ended: a person who comes back starts a new one.
ENDED_STATUSES = frozenset({Trajectory.Status.COMPLETED, Trajectory.Status.STOPPED})
# After the first session, before the 6-month session: these wait for (an invitation to) a return.
AWAITING_RETURN_STATUSES = frozenset(
    {Trajectory.Status.BASELINE_DONE, Trajectory.Status.FOLLOW_UP, Trajectory.Status.LOST}
)


class TrajectoryEvent(TimeStampedModel):
    """One step of a trajectory: from which status to which, who did it, when, and why."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("from"), max_length=16, choices=Trajectory.Status.choices)
    to_status = models.CharField(_("to"), max_length=16, choices=Trajectory.Status.choices)
    consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("session"),
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(_("by"), max_length=150)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["trajectory", "created_at"])]

    def __str__(self):
        return f"{self.trajectory_id}: {self.from_status} -> {self.to_status}"
