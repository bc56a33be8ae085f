"""The run sheet (draaiboek): ordered blocks with minutes and who.

One block model serves both the region's template and each session's own copy, so copying is
one bulk insert and editing is one set of views. Exactly one owner is set (a CheckConstraint).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class RunSheetTemplate(PublicModel):
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="runsheet_templates"
    )
    name = models.CharField(_("name"), max_length=100)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="runsheet_template_unique_name")
        ]

    def __str__(self):
        return self.name


class RunSheetBlock(PublicModel):
    template = models.ForeignKey(
        RunSheetTemplate, on_delete=models.CASCADE, null=True, blank=True, related_name="blocks"
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="runsheet_blocks",
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=120)
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    who = models.CharField(
        _("who"), max_length=150, blank=True, help_text=_("Role or discipline, e.g. sport coach.")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(template__isnull=False) & Q(consultation__isnull=True))
                | (Q(template__isnull=True) & Q(consultation__isnull=False)),
                name="runsheet_block_one_owner",
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=240),
                name="runsheet_block_minutes_sane",
                violation_error_message=_("A block lasts between 1 and 240 minutes."),
            ),
        ]

    def __str__(self):
        return self.title
