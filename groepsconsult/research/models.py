"""Research projects and the data-sharing agreements that say what may leave, and to whom.

A project holds the secret salt of its keyed-hash ids: it never leaves the server (not in a
form, a page, an export or the history). An agreement names one recipient, the level
(aggregate figures or a pseudonymised dataset), the consent purpose it rests on, the variables
and measures it allows and its valid dates: an export gives exactly that and nothing more.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.core.models import ChangeHistory, PublicModel, RegionScopedQuerySet


def new_salt() -> str:
    return secrets.token_hex(32)


class Status(models.TextChoices):
    PLANNED = "planned", _("Not started")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")


def status_on(start, end, day=None) -> str:
    day = day or timezone.localdate()
    if day < start:
        return Status.PLANNED
    return Status.EXPIRED if day > end else Status.ACTIVE


class ProjectQuerySet(RegionScopedQuerySet):
    def covering(self, region):
        """Projects whose data may come from `region`: its own and those that also cover it."""
        also = ResearchProject.other_regions.through.objects.filter(region=region)
        return self.filter(Q(region=region) | Q(pk__in=also.values("researchproject_id")))


class ResearchProject(PublicModel):
    # The region that keeps the project (its coordinator manages it); a national research
    # institute's project may also cover other regions (`other_regions`).
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    other_regions = models.ManyToManyField(
        "regions.Region",
        blank=True,
        related_name="+",
        verbose_name=_("also covers regions"),
        help_text=_(
            "A project of a national research institute may cover several regions: its "
            "pseudonymised dataset then holds the consenting participants of each of them."
        ),
    )
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), max_length=60)
    recipient_organisation = models.CharField(_("recipient organisation"), max_length=150)
    agreement_reference = models.CharField(_("agreement reference"), max_length=60)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    k_anonymity = models.PositiveSmallIntegerField(
        _("k (smallest group of look-alikes)"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(50)],
    )
    age_band_years = models.PositiveSmallIntegerField(
        _("age band"), choices=[(5, _("5 years")), (10, _("10 years"))], default=10
    )
    # Secret key of the keyed-hash ids: never shown, exported or written to the history.
    salt = models.CharField(max_length=64, default=new_salt, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="research_project_slug"),
            models.UniqueConstraint(fields=["region", "name"], name="research_project_name"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="research_project_dates"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def status(self):
        return status_on(self.starts_on, self.ends_on)

    def covered_regions(self):
        """The project's own region first, then the others it covers, by name."""
        others = [r for r in self.other_regions.all() if r.pk != self.region_id]
        return [self.region, *sorted(others, key=lambda region: region.name)]

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})


class AgreementQuerySet(RegionScopedQuerySet):
    region_path = "project__region"

    def covering(self, region):
        """Agreements of the projects whose data may come from `region`."""
        return self.filter(project__in=ResearchProject.objects.covering(region).values("pk"))

    def exportable_in(self, region):
        """What a researcher of `region` may download: the agreements of its own projects, and
        the pseudonymised ones of projects of other regions that also cover `region` (their
        aggregate figures are those of the project's own region)."""
        own_or_dataset = Q(project__region=region) | Q(
            level=DataSharingAgreement.Level.PSEUDONYMISED
        )
        return self.covering(region).filter(own_or_dataset)


class DataSharingAgreement(PublicModel):
    class Recipient(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        RESEARCH_INSTITUTE = "research_institute", _("University or research institute")
        HEART_FOUNDATION = "heart_foundation", _("Heart foundation")
        INSURER = "insurer", _("Health insurer")

    class Level(models.TextChoices):
        AGGREGATE = "aggregate", _("Aggregate figures (suppressed)")
        PSEUDONYMISED = "pseudonymised", _("Pseudonymised dataset")

    # The consent purpose each level rests on.
    PURPOSE_OF_LEVEL = {
        Level.AGGREGATE: ConsentPurpose.ANONYMOUS_MONITORING,
        Level.PSEUDONYMISED: ConsentPurpose.PSEUDONYMISED_RESEARCH,
    }

    project = models.ForeignKey(
        ResearchProject, on_delete=models.PROTECT, related_name="agreements"
    )
    recipient_kind = models.CharField(_("recipient"), max_length=24, choices=Recipient.choices)
    recipient_name = models.CharField(_("recipient name"), max_length=150)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    purpose = models.CharField(
        _("consent purpose"),
        max_length=32,
        choices=[(p.value, p.label) for p in PURPOSE_OF_LEVEL.values()],
    )
    variables = models.JSONField(_("variables"), default=list, blank=True)
    measures = models.JSONField(_("measures"), default=list, blank=True)
    reference = models.CharField(_("agreement reference"), max_length=60)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["project", "recipient_name", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")),
                name="research_agreement_dates",
            ),
        ]

    def __str__(self):
        return f"{self.recipient_name} ({self.reference})"

    @property
    def status(self):
        return status_on(self.valid_from, self.valid_until)

    def clean(self):
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The end date cannot be before the start date.")
        expected = self.PURPOSE_OF_LEVEL.get(self.level)
        if expected and self.purpose != expected:
            errors["purpose"] = _("This level rests on consent for: %(purpose)s.") % {
                "purpose": expected.label
            }
        if not self.measures and not self.variables:
            errors["measures"] = _("Choose at least one measure or variable to share.")
        if errors:
            raise ValidationError(errors)


class ResearchEvent(ChangeHistory):
    """History of every change to a project or agreement: who, when, which fields, old and new."""

    subject_type = models.CharField(max_length=40)
