"""Budget lines per party, sourced assumptions, agreements and the history of their changes."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import ChangeHistory, PublicModel, RegionScopedQuerySet

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


def hours_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )


class MoneyOrHours(PublicModel):
    """A line worth an amount, or hours x an hourly-rate assumption (so the rate keeps its source
    and certainty tag): never both, never neither (`money_or_hours`; the forms say it at the
    field, finance/forms.py `clean_amount_or_hours`)."""

    amount = models.DecimalField(_("amount (EUR)"), null=True, blank=True, **MONEY)
    hours = hours_field(_("hours"))
    rate = models.ForeignKey(
        Assumption,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hourly rate (assumption)"),
    )

    class Meta:
        abstract = True

    def value(self, scenario="base"):
        """Euros: the amount, or hours x the rate's figure for `scenario` (low, base, high);
        None when that figure is still to confirm."""
        if self.amount is not None:
            return self.amount
        rate = getattr(self.rate, scenario)
        return None if rate is None else (self.hours * rate).quantize(Decimal("0.01"))


def money_or_hours(name):
    """The database check of a MoneyOrHours model (each keeps its own constraint name)."""
    return models.CheckConstraint(
        condition=(Q(amount__isnull=False) & Q(hours__isnull=True) & Q(rate__isnull=True))
        | (Q(amount__isnull=True) & Q(hours__isnull=False) & Q(rate__isnull=False)),
        name=name,
    )


class BudgetLine(MoneyOrHours):
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
    hours = hours_field(_("in-kind hours"))

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "party", "kind", "category"]
        constraints = [money_or_hours("finance_budgetline_money_or_hours")]

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


class FinanceEvent(ChangeHistory):
    """History of every change to a finance record: who, when, which fields, old and new."""
