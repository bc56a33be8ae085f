"""Warm hand-over (closed loop): a participant handed to an offer on the social map, tracked
step by step like a parcel, and the signal list that catches hand-overs nobody moves.

Personal data (who is handed over where): read through handovers.selectors, written through
handovers.services. Legal steps live in handovers.policies, not here.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class Handover(PublicModel):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        REQUESTED = "requested", _("Requested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CONTACTED = "contacted", _("Contacted")
        APPOINTMENT_PLANNED = "appointment_planned", _("First appointment planned")
        STARTED = "started", _("Started")
        COMPLETED = "completed", _("Completed")
        STOPPED = "stopped", _("Stopped")
        NO_CONTACT = "no_contact", _("No contact possible")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="handovers"
    )
    offer = models.ForeignKey(
        "offers.NeighbourhoodOffer",
        on_delete=models.PROTECT,
        related_name="handovers",
        verbose_name=_("offer"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    # The team decides who does the hand-over; in a community session often someone from the
    # community itself, who may have no account: a name, not a user.
    handed_over_by = models.CharField(_("who does the hand-over"), max_length=150)
    note = models.CharField(_("note for the receiver"), max_length=500, blank=True)
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("referrer"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    first_appointment_on = models.DateField(_("first appointment on"), null=True, blank=True)
    # When the status last moved: the stall signal measures the offer's response time from it.
    status_changed_at = models.DateTimeField(_("status changed at"))
    requested_at = models.DateTimeField(_("requested at"), null=True, blank=True)
    first_contact_at = models.DateTimeField(_("first contact at"), null=True, blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-status_changed_at", "-id"]
        indexes = [
            models.Index(fields=["region", "status", "status_changed_at"]),
            # Covers the offer figures (counts and hours to first contact) without the table.
            models.Index(
                fields=["offer", "status", "requested_at", "first_contact_at"],
                name="handover_offer_figures_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["declined", "stopped", "no_contact"]) | ~Q(reason=""),
                name="handover_ended_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="appointment_planned") | Q(first_appointment_on__isnull=False),
                name="handover_appointment_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.offer} · {self.get_status_display()}"


# State groups used by the policy table and by readers (selectors may not import policies).
ENDED = frozenset({"declined", "completed", "stopped", "no_contact"})
ENDED_WITHOUT_RESULT = frozenset({"declined", "stopped", "no_contact"})
VISIBLE_TO_RECEIVER = frozenset(Handover.Status.values) - {"proposed"}  # once requested
FIRST_CONTACT = frozenset({"contacted"})  # counted for the per-offer median


class OfferHandoverFigures(models.Model):
    """The hand-over figures of one offer, stored so the social map reads one row per offer
    (issue 12: counting them per page view cost 6x the base page at 100,000 participants).

    Counted over the offer's requested hand-overs: answered = moved past requested, accepted =
    answered and not declined, median days from request to first contact (to the hour, one
    decimal). Refreshed in the transaction of every hand-over step
    (`services.offer_figures_refresh`); `rebuild_monitoring` rebuilds them from the hand-overs.
    An offer without requested hand-overs has no row. No personal data.
    """

    offer = models.OneToOneField(
        "offers.NeighbourhoodOffer", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    requested = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    median_days = models.FloatField(null=True, blank=True)

    def __str__(self):
        return f"{self.offer_id}: {self.accepted}/{self.answered} of {self.requested}"

    def as_dict(self) -> dict:
        """The figures as the templates read them (and as the recount gives them)."""
        rate = round(100 * self.accepted / self.answered) if self.answered else None
        return {
            "requested": self.requested,
            "answered": self.answered,
            "accepted": self.accepted,
            "acceptance_rate": rate,
            "median_days": self.median_days,
        }


class HandoverEvent(models.Model):
    """One step of the trail: who moved the hand-over from which status to which, and when."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    by_name = models.CharField(_("by"), max_length=150)
    from_status = models.CharField(
        _("from"), max_length=20, choices=Handover.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Handover.Status.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["handover", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d} {self.by_name}: {self.from_status} -> {self.to_status}"


class Signal(PublicModel):
    """Something nobody picked up: it stays on the region's list until someone resolves it.

    At most one open signal per kind and subject (`key`), so the detector can run every hour.
    """

    class Kind(models.TextChoices):
        HANDOVER_STALLED = "handover_stalled", _("Hand-over not moved in time")
        HANDOVER_ENDED = "handover_ended", _("Hand-over ended without a follow-up decision")
        RED_VALUE_NO_FEEDBACK = "red_value_no_feedback", _("Red value without GP feedback")
        NEEDS_HELP = "needs_help", _("Needs more help (follow-up call)")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="signals"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    key = models.CharField(max_length=80, help_text="Subject of the signal, e.g. a hand-over id.")
    handover = models.ForeignKey(
        Handover, on_delete=models.CASCADE, null=True, blank=True, related_name="signals"
    )
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    raised_at = models.DateTimeField(_("raised at"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolution = models.CharField(_("resolution"), max_length=300, blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["raised_at", "id"]
        indexes = [models.Index(fields=["region", "resolved_at", "raised_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key"],
                condition=Q(resolved_at__isnull=True),
                name="signal_one_open_per_subject",
            ),
            # Paired fields: resolved says when, by whom and how; open says none of them.
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True, resolved_by__isnull=True, resolution="")
                | (Q(resolved_at__isnull=False) & ~Q(resolution="")),
                name="signal_resolved_at_by_how_paired",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.raised_at:%Y-%m-%d})"

    @property
    def is_open(self):
        return self.resolved_at is None
