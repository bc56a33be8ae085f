"""Money per region: budget lines per party, sourced assumptions, agreements, and their history.

No personal data lives here. Amounts are euros (Decimal). In-kind hours are valued with an
hourly-rate assumption, so the rate carries its source and certainty tag like every figure.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(0)]}


class Party(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    INSURER = "insurer", _("Health insurer")
    GP_ORGANISATION = "gp_organisation", _("GP organisation")
    SPORT = "sport", _("Sport coaches (in kind)")
    FUND = "fund", _("Fund or grant")
    OTHER = "other", _("Other partner")


class Certainty(models.TextChoices):
    """The source's certainty tag (docs/finance.md, evidence-and-money.md)."""

    VERIFIED = "V", _("Read in the source")
    SECONDARY = "P", _("Secondary source")
    UNVERIFIED = "U", _("To confirm")


class Assumption(PublicModel):
    """One sourced figure (a rate, a cost, an effect) with low / base / high and its source.

    Changes are kept in FinanceEvent with old and new values, so every version stays readable.
    """

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    key = models.SlugField(_("key"), max_length=40)
    label = models.CharField(_("what"), max_length=200)
    low = models.DecimalField(_("low"), max_digits=14, decimal_places=4, null=True, blank=True)
    base = models.DecimalField(_("base"), max_digits=14, decimal_places=4, null=True, blank=True)
    high = models.DecimalField(_("high"), max_digits=14, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=40)
    price_year = models.CharField(_("price year"), max_length=20, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    certainty = models.CharField(_("certainty"), max_length=1, choices=Certainty.choices)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["region", "key"], name="finance_assumption_key"),
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(base__isnull=True) | Q(low__lte=models.F("base")),
                name="finance_assumption_low_le_base",
            ),
            models.CheckConstraint(
                condition=Q(high__isnull=True)
                | Q(base__isnull=True)
                | Q(high__gte=models.F("base")),
                name="finance_assumption_high_ge_base",
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.key})"

    @property
    def to_confirm(self):
        return self.certainty == Certainty.UNVERIFIED or self.base is None


class BudgetLine(PublicModel):
    """A cost a party carries: money, or in-kind hours valued at an hourly-rate assumption."""

    class Kind(models.TextChoices):
        START_UP = "start_up", _("Start-up (once)")
        RUNNING = "running", _("Running")

    class Category(models.TextChoices):
        EXPLORATION = "exploration", _("Exploratory talks and core team")
        PREPARATION = "preparation", _("Preparing the first session and training")
        COORDINATION = "coordination", _("Coordination")
        PROFESSIONALS = "professionals", _("Professionals' hours")
        EXPERIENCE_EXPERTS = "experience_experts", _("Experience-expert fees")
        LOCATION = "location", _("Location and catering")
        SUPPLIES = "supplies", _("Measurement supplies")
        MATERIALS = "materials", _("Booklets, flyers and materials")
        OTHER = "other", _("Other")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("neighbourhood"),
        help_text=_("Leave empty for a cost of the whole region."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    party = models.CharField(_("paid by"), max_length=16, choices=Party.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.CharField(_("description"), max_length=200)
    amount = models.DecimalField(_("amount (EUR)"), null=True, blank=True, **MONEY)
    hours = models.DecimalField(
        _("in-kind hours"),
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
        ordering = ["-year", "party", "kind", "category"]
        constraints = [
            # Money or in-kind hours with a rate: never both, never neither.
            models.CheckConstraint(
                condition=(Q(amount__isnull=False) & Q(hours__isnull=True) & Q(rate__isnull=True))
                | (Q(amount__isnull=True) & Q(hours__isnull=False) & Q(rate__isnull=False)),
                name="finance_budgetline_money_or_hours",
            ),
        ]

    def __str__(self):
        return self.description

    @property
    def in_kind(self):
        return self.hours is not None


class Agreement(PublicModel):
    """An agreement between partners on roles and tasks, with an owner and a review date."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("In force")
        ENDED = "ended", _("Ended")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    partners = models.CharField(_("partners"), max_length=300)
    owner = models.CharField(_("owner"), max_length=120)
    successor = models.CharField(_("successor of the owner"), max_length=120, blank=True)
    review_on = models.DateField(_("review date"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    notes = models.TextField(_("notes"), blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["review_on", "title"]

    def __str__(self):
        return self.title


class FinanceEvent(models.Model):
    """History of every change to a finance record: who, when, which fields, old and new."""

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    subject_type = models.CharField(max_length=20)
    subject_id = models.UUIDField(db_index=True)
    by = models.CharField(max_length=150)
    at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(default=dict)  # {field: [old, new]}; {} for "created"

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.subject_type} {self.subject_id} by {self.by}"


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
