"""The region (tenant) and the people and places a group consultation needs."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.languages import SPOKEN_LANGUAGE_CODES, SPOKEN_LANGUAGES
from groepsconsult.core.models import PublicModel, RegionScopedQuerySet, TimeStampedModel

cbs_code_validator = RegexValidator(
    r"^BU\d{8}$", _("A CBS neighbourhood code looks like BU05183400.")
)
agb_validator = RegexValidator(r"^\d{8}$", _("An AGB code has 8 digits."))
big_validator = RegexValidator(r"^\d{11}$", _("A BIG number has 11 digits."))
postcode_validator = RegexValidator(
    r"^[1-9]\d{3} ?[A-Za-z]{2}$", _("A Dutch postcode looks like 2525 AB.")
)
phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 \-]{7,18}$", _("Write the phone number with digits, like 070 123 4567.")
)


class Region(TimeStampedModel):
    """A tenant: usually a city. Every other record belongs to exactly one region."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), max_length=50, unique=True)
    is_active = models.BooleanField(default=True)
    # After the first session an experience expert phones each participant; this is when.
    follow_up_call_weeks = models.PositiveSmallIntegerField(
        _("follow-up call after (weeks)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
        help_text=_("Weeks after the first session when the follow-up call is due."),
    )
    # Shown to residents on the flyer, the sign-up pages and the confirmation message.
    public_phone = models.CharField(
        _("phone number for residents"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_(
            "Residents call this number to sign up without scanning, or to cancel. Shown on "
            "flyers and sign-up confirmations; left empty, they show the web address only."
        ),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SesQuintile(models.IntegerChoices):
    LOWEST = 1, _("1 (lowest status)")
    LOW = 2, _("2")
    MIDDLE = 3, _("3")
    HIGH = 4, _("4")
    HIGHEST = 5, _("5 (highest status)")


class Neighbourhood(PublicModel):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="neighbourhoods")
    name = models.CharField(_("name"), max_length=100)
    cbs_code = models.CharField(
        _("CBS code"), max_length=10, blank=True, validators=[cbs_code_validator]
    )
    geometry = models.JSONField(_("area (GeoJSON)"), null=True, blank=True)
    # Deprivation for the equity view: the CBS/SCP socio-economic status score (SES-WOA) of
    # the neighbourhood, as a quintile of all Dutch neighbourhoods (1 = lowest status).
    ses_quintile = models.PositiveSmallIntegerField(
        _("socio-economic status (quintile)"),
        choices=SesQuintile.choices,
        null=True,
        blank=True,
        help_text=_(
            "The CBS socio-economic status score (SES-WOA) of the neighbourhood as a quintile of "
            "all Dutch neighbourhoods: 1 is the lowest fifth."
        ),
    )
    ses_year = models.PositiveSmallIntegerField(
        _("year of the status score"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="neighbourhood_unique_name"),
        ]

    def __str__(self):
        return self.name


class Location(PublicModel):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="locations")
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        related_name="locations",
        verbose_name=_("neighbourhood"),
    )
    name = models.CharField(_("name"), max_length=150)
    address = models.CharField(_("street and number"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    city = models.CharField(_("city"), max_length=100)
    rooms = models.TextField(
        _("rooms"), blank=True, help_text=_("One room per line, with its size.")
    )
    accessibility = models.TextField(_("accessibility notes"), blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "name"])]

    def __str__(self):
        return self.name

    @property
    def room_list(self):
        return [line.strip() for line in self.rooms.splitlines() if line.strip()]


class Organisation(PublicModel):
    class Kind(models.TextChoices):
        GP_PRACTICE = "gp_practice", _("GP practice")
        WELFARE = "welfare", _("Welfare")
        SPORT = "sport", _("Sport")
        MUNICIPALITY = "municipality", _("Municipality")
        INSURER = "insurer", _("Health insurer")
        PHARMACY = "pharmacy", _("Pharmacy")
        GP_ORGANISATION = "gp_organisation", _("GP organisation")
        HEALTH_SERVICE = "health_service", _("Municipal health service (GGD)")
        KNOWLEDGE = "knowledge", _("University or knowledge institute")
        COMMUNITY = "community", _("Community organisation")
        OTHER = "other", _("Other")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="organisations")
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    agb_code = models.CharField(_("AGB code"), max_length=8, blank=True, validators=[agb_validator])
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("neighbourhood"),
    )

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "kind", "name"])]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="organisation_unique_name"),
            models.CheckConstraint(
                condition=~Q(kind="gp_practice") | ~Q(agb_code=""),
                name="organisation_gp_practice_has_agb",
                violation_error_message=_("A GP practice needs its AGB code."),
            ),
        ]

    def __str__(self):
        return self.name


class Professional(PublicModel):
    class Discipline(models.TextChoices):
        GP = "gp", _("GP")
        PRACTICE_NURSE = "practice_nurse", _("Practice nurse")
        MENTAL_HEALTH_NURSE = "mental_health_nurse", _("Mental-health practice nurse")
        PHARMACIST = "pharmacist", _("Pharmacist")
        DIETITIAN = "dietitian", _("Dietitian")
        PHYSIOTHERAPIST = "physiotherapist", _("Physiotherapist")
        LIFESTYLE_COACH = "lifestyle_coach", _("Lifestyle coach")
        SPORT_COACH = "sport_coach", _("Neighbourhood sport coach")
        SOCIAL_WORKER = "social_worker", _("Social worker")
        MONEY_HELP = "money_help", _("Money helpdesk")
        MEDICAL_ASSISTANT = "medical_assistant", _("Medical assistant")
        EXPERIENCE_EXPERT = "experience_expert", _("Experience expert / health champion")
        HOST = "host", _("Host")
        COORDINATOR = "coordinator", _("Coordinator")

    # Disciplines whose practitioners hold a BIG registration (Wet BIG, art. 3).
    BIG_DISCIPLINES = frozenset({Discipline.GP, Discipline.PHARMACIST, Discipline.PHYSIOTHERAPIST})
    # Which domain of the minimum requirements (care, welfare, sport) a discipline covers.
    DOMAINS = {
        "care": {
            "gp",
            "practice_nurse",
            "mental_health_nurse",
            "pharmacist",
            "dietitian",
            "physiotherapist",
            "medical_assistant",
        },
        "welfare": {"social_worker", "money_help"},
        "sport": {"sport_coach", "lifestyle_coach"},
    }

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="professionals")
    name = models.CharField(_("name"), max_length=150)
    discipline = models.CharField(_("discipline"), max_length=32, choices=Discipline.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="professionals",
        verbose_name=_("organisation"),
    )
    big_number = models.CharField(
        _("BIG number"), max_length=11, blank=True, validators=[big_validator]
    )
    vog_date = models.DateField(
        _("VOG date"), null=True, blank=True, help_text=_("Date of the certificate of conduct.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    # Codes of core.languages.SPOKEN_LANGUAGES: matched against a session's languages.
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "discipline", "name"])]

    def __str__(self):
        return f"{self.name} ({self.get_discipline_display()})"

    def get_languages_list(self):
        """The names of the languages spoken, in the active language."""
        names = dict(SPOKEN_LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]

    def clean(self):
        if not isinstance(self.languages, list) or not set(self.languages) <= SPOKEN_LANGUAGE_CODES:
            raise ValidationError({"languages": _("Choose languages from the list.")})

    @property
    def domain(self):
        for domain, disciplines in self.DOMAINS.items():
            if self.discipline in disciplines:
                return domain
        return None
