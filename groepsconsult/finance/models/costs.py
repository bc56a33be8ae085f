"""Actual costs of one session: entered cost lines and preparation hours."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet
from groepsconsult.finance.models.base import MONEY, Assumption, Party


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


class CostLine(PublicModel):
    """An actual cost of one session, paid by a party in money or in kind.

    The value is an amount, or hours x an hourly-rate assumption (so the rate keeps its source
    and certainty tag); `in_kind` says whether the party paid it or gave it.
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
    amount = models.DecimalField(_("amount (EUR)"), null=True, blank=True, **MONEY)
    hours = models.DecimalField(
        _("hours"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    rate = models.ForeignKey(
        Assumption,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hourly rate (assumption)"),
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["category", "id"]
        constraints = [
            # An amount, or hours with a rate: never both, never neither.
            models.CheckConstraint(
                condition=(Q(amount__isnull=False) & Q(hours__isnull=True) & Q(rate__isnull=True))
                | (Q(amount__isnull=True) & Q(hours__isnull=False) & Q(rate__isnull=False)),
                name="finance_costline_amount_or_hours",
            ),
        ]

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
