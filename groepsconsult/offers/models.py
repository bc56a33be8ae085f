"""The social map (sociale kaart): what a neighbourhood offers after a group consultation.

An offer is organisational data, not personal data: contact persons are professionals whose
work details are meant to be shared with referrers.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.languages import SPOKEN_LANGUAGES
from groepsconsult.core.models import PublicModel, RegionScopedQuerySet
from groepsconsult.core.versioning import VersionedModel

# One list of spoken languages for sessions and offers (core.languages).
LANGUAGE_CHOICES = SPOKEN_LANGUAGES
LANGUAGE_CODES = frozenset(code for code, _label in LANGUAGE_CHOICES)
LANGUAGE_LABELS = dict(LANGUAGE_CHOICES)

# An entry nobody confirmed for this long may be out of date (waiting list, contact person).
STALE_AFTER_MONTHS = 6


def stale_cutoff(today: dt.date) -> dt.date:
    """`today` minus six calendar months (day clamped to the month's end): older is stale."""
    month = today.month - STALE_AFTER_MONTHS
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for day in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def validate_language_codes(value: str):
    codes = [c for c in value.split(",") if c]
    unknown = [c for c in codes if c not in LANGUAGE_CODES]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s."), params={"codes": ", ".join(unknown)}
        )


class NeighbourhoodOffer(VersionedModel, PublicModel):
    class Kind(models.TextChoices):
        SPORT = "sport", _("Sport and exercise")
        LIFESTYLE_COACH = "lifestyle_coach", _("Lifestyle coach (GLI)")
        WELFARE = "welfare", _("Welfare and social work")
        MONEY_HELP = "money_help", _("Money help and debts")
        MENTAL_HEALTH = "mental_health", _("Mental health")
        DIETITIAN = "dietitian", _("Dietitian")
        QUIT_SMOKING = "quit_smoking", _("Quit smoking")
        OTHER = "other", _("Other")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="offers")
    organisation = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    target_group = models.CharField(
        _("target group"),
        max_length=200,
        blank=True,
        help_text=_("For example: adults with overweight, women 40+, people with debts."),
    )
    neighbourhoods = models.ManyToManyField(
        "regions.Neighbourhood",
        blank=True,
        related_name="offers",
        verbose_name=_("neighbourhoods"),
        help_text=_("Leave empty when the offer is open to the whole region."),
    )
    # Codes separated by commas ("nl,tr"): portable filtering on SQLite and PostgreSQL alike.
    languages = models.CharField(
        _("languages"), max_length=100, blank=True, validators=[validate_language_codes]
    )
    women_only = models.BooleanField(_("women only"), default=False)
    is_free = models.BooleanField(_("free for the participant"), default=True)
    cost = models.CharField(
        _("cost to the participant"),
        max_length=150,
        blank=True,
        help_text=_("For example: covered by basic insurance, or EUR 5 per month."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Places per group or per month.")
    )
    waiting_weeks = models.PositiveSmallIntegerField(
        _("current waiting time (weeks)"), null=True, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    successor_name = models.CharField(
        _("successor contact person"),
        max_length=150,
        blank=True,
        help_text=_("Who takes over when the contact person is away or leaves."),
    )
    successor_phone = models.CharField(_("successor phone"), max_length=20, blank=True)
    successor_email = models.EmailField(_("successor e-mail"), blank=True)
    how_to_refer = models.TextField(_("how to refer"), blank=True, max_length=2000)
    # The agreed response time of a warm hand-over: not moved within it, it becomes a signal.
    response_days = models.PositiveSmallIntegerField(
        _("agreed response time (days)"),
        default=5,
        help_text=_("Days within which the offer takes the next step of a hand-over."),
    )
    last_confirmed_on = models.DateField(_("last confirmed on"))
    last_confirmed_by = models.CharField(_("last confirmed by"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["region", "kind", "name"]),
            models.Index(fields=["region", "last_confirmed_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "organisation", "name"], name="offer_unique_name_per_org"
            ),
            models.CheckConstraint(
                condition=Q(is_free=False) | Q(cost=""),
                name="offer_free_has_no_cost",
                violation_error_message=_("A free offer has no cost; untick 'free' or clear it."),
            ),
            models.CheckConstraint(
                condition=~Q(contact_name="") & ~Q(last_confirmed_by=""),
                name="offer_has_contact_and_confirmer",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def language_codes(self):
        return [c for c in self.languages.split(",") if c]

    @property
    def language_labels(self):
        return [LANGUAGE_LABELS.get(c, c) for c in self.language_codes]

    def is_stale(self, today: dt.date) -> bool:
        return self.last_confirmed_on < stale_cutoff(today)


class OfferEvent(models.Model):
    """The visible history of an offer: who created, changed or confirmed it, and which fields.

    The access log holds the same facts for auditors; this table is for the people who keep
    the social map up to date, and outlives nothing (it goes with the offer).
    """

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        CONFIRMED = "confirmed", _("Confirmed as still current")

    offer = models.ForeignKey(NeighbourhoodOffer, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.CharField(_("by"), max_length=150)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    fields = models.CharField(_("changed fields"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["offer", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d} {self.by} {self.action}"

    @property
    def field_labels(self):
        opts = NeighbourhoodOffer._meta
        known = {f.name for f in opts.get_fields()}
        names = [n for n in self.fields.split(",") if n in known]
        return [str(opts.get_field(n).verbose_name) for n in names]
