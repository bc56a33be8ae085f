"""A group consultation: one dated session in a neighbourhood.

Minimal here (foundation); planning, roster and run sheet extend it.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class Consultation(PublicModel):
    class Kind(models.TextChoices):
        FIRST = "first", _("First session")
        RETURN = "return", _("6-month return session")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for registration")
        FULL = "full", _("Full")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="consultations"
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("neighbourhood"),
    )
    location = models.ForeignKey(
        "regions.Location",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("location"),
    )
    title = models.CharField(_("title"), max_length=150, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=15)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.FIRST)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["region", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="consultation_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=30) & Q(duration_minutes__lte=480),
                name="consultation_duration_sane",
            ),
        ]

    def __str__(self):
        return self.title or f"{self.neighbourhood} {self.starts_at:%Y-%m-%d}"
