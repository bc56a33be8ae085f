"""Actual costs of one session: entered cost lines and preparation hours."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet
from groepsconsult.finance.models.base import MoneyOrHours, Party, money_or_hours


class CostCategory(models.TextChoices):
    """What an entered cost line of one session is for (docs/finance.md, "Actual costs")."""

    COORDINATION = "coordination", _("Coordination")
    EXPERIENCE_EXPERTS = "experience_experts", _("Experience-expert fees")
    LOCATION = "location", _("Location")
    CATERING = "catering", _("Catering")
    SUPPLIES = "supplies", _("Measurement supplies")
    MATERIALS = "materials", _("Booklets, flyers and materials")
    PROFESSIONALS = "professionals", _("Professionals' hours (not on the roster)")
    OTHER = "other", _("Other")


class CostLine(MoneyOrHours):
    """An actual cost of one session, paid by a party in money or in kind: an amount, or hours
    x an hourly-rate assumption (MoneyOrHours); `in_kind` says whether the party paid or gave it.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="+"
    )
    category = models.CharField(_("category"), max_length=20, choices=CostCategory.choices)
    party = models.CharField(_("paid by"), max_length=16, choices=Party.choices)
    in_kind = models.BooleanField(
        _("in kind"), default=False, help_text=_("Given (hours, a room, volunteers), not paid.")
    )
    description = models.CharField(_("description"), max_length=200)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["category", "id"]
        constraints = [money_or_hours("finance_costline_amount_or_hours")]

    def __str__(self):
        return self.description


class SessionPreparation(PublicModel):
    """Preparation hours per professional for one session, overriding the region's
    `prep_hours` assumption (which is still to confirm: the sources give no figure)."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    consultation = models.OneToOneField(
        "consultations.Consultation", on_delete=models.CASCADE, related_name="+"
    )
    hours = models.DecimalField(
        _("preparation hours per professional"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0)],
    )

    objects = RegionScopedQuerySet.as_manager()

    def __str__(self):
        return f"{self.consultation_id}: {self.hours} h"
