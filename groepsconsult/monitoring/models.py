"""Targets per region, year and indicator (issue 11): what the partners agreed to reach."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class Target(PublicModel):
    class Indicator(models.TextChoices):
        SESSIONS = "sessions", _("First sessions held")
        PER_SESSION = "per_session", _("Participants per first session (average)")
        REACHED = "reached", _("Participants who attended a first session")
        GP_PRACTICES = "gp_practices", _("GP practices referring participants")
        CALL_REACHED = "call_reached", _("Follow-up calls reached (%)")
        RETURNED = "returned", _("Came back after six months (%)")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    indicator = models.CharField(_("indicator"), max_length=16, choices=Indicator.choices)
    value = models.DecimalField(
        _("target"),
        max_digits=7,
        decimal_places=1,
        validators=[MinValueValidator(0.1)],
        help_text=_("A number, or a percentage for the indicators marked (%)."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "indicator"],
                name="target_one_per_indicator_and_year",
                violation_error_message=_("This indicator already has a target for that year."),
            ),
            models.CheckConstraint(
                condition=~models.Q(indicator__in=["call_reached", "returned"])
                | models.Q(value__lte=100),
                name="target_percentage_at_most_100",
                violation_error_message=_("A percentage cannot be more than 100."),
            ),
        ]

    def __str__(self):
        return f"{self.get_indicator_display()} {self.year}: {self.value}"
