"""Reference figures from outside sources (e.g. the GGD health monitor), kept with where they
came from, when they were published and what we may use them for.

Neighbourhood boundaries are not stored here: they live on `regions.Neighbourhood.geometry`
(the regions app owns the neighbourhood); this app imports them through `regions.services`.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet

# BU + 8, WK + 6, GM + 4 (the last 2+2 may hold letters), or NL for the national figure.
area_code_validator = RegexValidator(
    r"^(BU\d{4}[0-9A-Z]{4}|WK\d{4}[0-9A-Z]{2}|GM\d{4}|NL)$",
    _("An area code looks like BU05182800, WK051828, GM0518 or NL."),
)
indicator_validator = RegexValidator(
    r"^[a-z0-9_]{1,50}$", _("An indicator name has lower-case letters, digits and _ only.")
)


class ReferenceDataset(PublicModel):
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="reference_datasets"
    )
    name = models.CharField(_("name"), max_length=150)
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("Who published the figures, e.g. GGD Haaglanden, Gezondheidsmonitor 2022."),
    )
    source_url = models.URLField(_("web address of the source"), blank=True)
    published_on = models.DateField(_("publication date"))
    permitted_purpose = models.CharField(
        _("permitted purpose"),
        max_length=300,
        help_text=_("What the licence or agreement allows, e.g. comparison on public maps."),
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"], name="reference_dataset_unique_name"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.published_on:%Y})"


class ReferenceFigure(models.Model):
    dataset = models.ForeignKey(ReferenceDataset, on_delete=models.CASCADE, related_name="figures")
    code = models.CharField(_("area code"), max_length=10, validators=[area_code_validator])
    indicator = models.CharField(_("indicator"), max_length=50, validators=[indicator_validator])
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3)

    class Meta:
        ordering = ["indicator", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "code", "indicator"], name="reference_figure_unique"
            ),
        ]
        indexes = [models.Index(fields=["dataset", "indicator"])]

    def __str__(self):
        return f"{self.code} {self.indicator} = {self.value}"
