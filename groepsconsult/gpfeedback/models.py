"""Feedback to the participant's own GP at each step of the trajectory: a letter and a coded
FHIR R4 bundle, prepared once per step and kept as sent (what the GP got must not change when
a value is corrected later: a correction means new feedback).

Consent-gated at every read: a withdrawn "share with GP" consent hides all feedback at once.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class GpFeedback(PublicModel):
    class Step(models.TextChoices):
        FIRST_SESSION = "first_session", _("After the first session")
        FOLLOW_UP_CALL = "follow_up_call", _("After the follow-up call")
        RETURN_SESSION = "return_session", _("After the 6-month session")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="gp_feedback"
    )
    practice = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        related_name="gp_feedback",
        verbose_name=_("GP practice"),
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.PROTECT,
        related_name="gp_feedback",
        verbose_name=_("session"),
    )
    step = models.CharField(_("step"), max_length=16, choices=Step.choices)
    letter_html = models.TextField(_("letter"))
    bundle = models.JSONField(_("FHIR bundle"))
    has_red_values = models.BooleanField(_("red or alarm values"), default=False)
    prepared_by_name = models.CharField(_("prepared by"), max_length=150)
    acknowledged_at = models.DateTimeField(_("received on"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["region", "practice", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "consultation", "step"], name="gpfeedback_once_per_step"
            ),
            models.CheckConstraint(
                condition=Q(acknowledged_at__isnull=True, acknowledged_by__isnull=True)
                | Q(acknowledged_at__isnull=False, acknowledged_by__isnull=False),
                name="gpfeedback_acknowledged_at_by_paired",
            ),
        ]

    def __str__(self):
        return f"{self.get_step_display()} ({self.created_at:%Y-%m-%d})"


class PracticeReferral(PublicModel):
    """A GP practice referred its patient into a session from its portal: which practice, by
    whom. The place itself is a Registration (route "referred by a professional", with the
    reason), made through the registrations service; this row lets the practice follow its own
    referrals and nobody else's."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    practice = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        related_name="referrals_made",
        verbose_name=_("GP practice"),
    )
    registration = models.OneToOneField(
        "registrations.Registration", on_delete=models.CASCADE, related_name="practice_referral"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["practice", "created_at"])]

    def __str__(self):
        return f"{self.practice} ({self.created_at:%Y-%m-%d})"

    @property
    def participant(self):
        return self.registration.participant
