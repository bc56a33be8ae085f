"""Grants, the fund register, the sustainability checklist and partner contacts."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet
from groepsconsult.finance.models.base import MONEY, Party

# Funding (docs/finance.md "Funding"): grants, the fund register, the sustainability checklist
# and the named contact per partner. Warnings are computed in finance/funding.py.


class Domain(models.TextChoices):
    CARE = "care", _("Care")
    SOCIAL = "social", _("Social")
    SPORT = "sport", _("Sport")


class Grant(PublicModel):
    """Money a funder granted: amount, domain, conditions, period and what is spent so far.

    `spent` is entered by the coordinator (the figure on the funder's latest statement), so the
    page never guesses spending from planned budget lines.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("neighbourhood"),
        help_text=_("Leave empty for a grant for the whole region."),
    )
    title = models.CharField(_("grant"), max_length=200)
    party = models.CharField(_("funder (party)"), max_length=16, choices=Party.choices)
    funder = models.CharField(
        _("funder (name)"),
        max_length=150,
        blank=True,
        help_text=_("For example the name of the fund. Leave empty to show the party."),
    )
    domain = models.CharField(_("domain"), max_length=8, choices=Domain.choices)
    amount = models.DecimalField(_("amount (EUR)"), **MONEY)
    spent = models.DecimalField(
        _("spent so far (EUR)"),
        default=0,
        help_text=_("As on the latest statement to the funder."),
        **MONEY,
    )
    conditions = models.TextField(_("conditions"), blank=True)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    warn_months = models.PositiveSmallIntegerField(
        _("warn months before the end"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["ends_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="finance_grant_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def funder_label(self):
        return self.funder or self.get_party_display()

    @property
    def overspent(self):
        return self.spent > self.amount


class FundRoute(PublicModel):
    """A funding route the region may use (fund register), with its deadline and contact."""

    class Kind(models.TextChoices):
        INSURER_S3 = "insurer_s3", _("Health insurer: segment 3 (results and innovation)")
        INSURER_OI = "insurer_oi", _("Health insurer: organisation and infrastructure (O&I)")
        BASIC_INSURANCE = "basic_insurance", _("Basic health insurance")
        MUNICIPAL = "municipal", _("Municipal prevention grant")
        NATIONAL = "national", _("National specific-purpose grant (SPUK, GALA)")
        VOUCHER = "voucher", _("Implementation voucher")
        RESEARCH = "research", _("Research or implementation programme")
        PRACTICE_FUND = "practice_fund", _("Fund for GP practices (e.g. FHA)")
        FOUNDATION = "foundation", _("Foundation or charity")
        COMPANY = "company", _("Company programme")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        TO_EXPLORE = "to_explore", _("To explore")
        APPLYING = "applying", _("Applying")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    key = models.SlugField(max_length=40, blank=True, editable=False)  # set by the seed only
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    conditions = models.TextField(_("conditions"), blank=True)
    deadline = models.DateField(_("application deadline"), null=True, blank=True)
    warn_weeks = models.PositiveSmallIntegerField(
        _("warn weeks before the deadline"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
    )
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    link = models.URLField(_("link"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = [models.F("deadline").asc(nulls_last=True), "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "key"], condition=~Q(key=""), name="finance_fundroute_key"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_open(self):
        return self.status in (self.Status.TO_EXPLORE, self.Status.APPLYING)


class SustainabilityItem(PublicModel):
    """One question funders ask before structural funding, with status, evidence and owner."""

    class Group(models.TextChoices):
        CONTENT = "content", _("Content")
        ORGANISATION = "organisation", _("Organisation")
        FINANCE = "finance", _("Finance")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    key = models.SlugField(max_length=40, blank=True, editable=False)  # set by the seed only
    group = models.CharField(_("group"), max_length=12, choices=Group.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    question = models.CharField(_("question"), max_length=300)
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.NOT_STARTED
    )
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("What shows it: a text, a document name or a link.")
    )
    owner = models.CharField(_("owner"), max_length=120, blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["group", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "key"], condition=~Q(key=""), name="finance_sustainability_key"
            ),
        ]

    def __str__(self):
        return self.question


class PartnerContact(PublicModel):
    """The named contact of a partner organisation, with a successor so the work does not
    depend on one person. Professional contacts only, never participants."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("partner organisation"),
    )
    role = models.CharField(_("role in the collaboration"), max_length=120)
    name = models.CharField(_("contact name"), max_length=120)
    successor = models.CharField(_("successor"), max_length=120, blank=True)
    phone = models.CharField(
        _("phone of the organisation"),
        max_length=20,
        blank=True,
        help_text=_("A general number, not a personal one. Empty: the organisation's number."),
    )
    email = models.EmailField(
        _("e-mail of the organisation"),
        blank=True,
        help_text=_("A general address, not a personal one. Empty: the organisation's address."),
    )
    review_on = models.DateField(_("review date"))

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "role"]

    def __str__(self):
        return f"{self.name} ({self.role})"
