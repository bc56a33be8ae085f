"""A resident who takes part; the GP-selection import and its call list.

Their path through the programme (`Trajectory`) is owned by the `trajectories` app.

Personal data: read only through participants.selectors, written only through services.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet
from groepsconsult.core.text import fold_name, normalise_phone
from groepsconsult.core.versioning import VersionedModel
from groepsconsult.participants.validators import validate_bsn
from groepsconsult.regions.models import postcode_validator

DERIVED_COLUMNS = ("search_name", "family_key", "phone_key")


def derived_columns(given_name: str, family_name: str, phone: str, family_key=None) -> dict:
    """The columns Participant.save() derives from the name and phone; bulk writers add them
    (`family_key`: when the caller folded the family name already, as the GP import's check)."""
    return {
        "search_name": fold_name(f"{given_name} {family_name}"),
        "family_key": fold_name(family_name)[:100] if family_key is None else family_key,
        "phone_key": normalise_phone(phone)[:20],
    }


class Participant(VersionedModel, PublicModel):
    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other / not stated")

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="participants"
    )
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[postcode_validator]
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.PARTICIPANT_LANGUAGES, default="nl"
    )
    neighbourhood = models.ForeignKey(
        "regions.Neighbourhood",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participants",
        verbose_name=_("neighbourhood"),
    )
    gp_practice = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="patients",
        verbose_name=_("GP practice"),
        limit_choices_to={"kind": "gp_practice"},
    )
    # Never shown in lists; only on the detail page to roles that may change the record.
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, validators=[validate_bsn])
    # Set when retention or an erasure request removed the identity (privacy.services).
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)
    # Given and family name folded by core.text.fold_name ("Kılıç" -> "kilic"): every name
    # search compares folded terms with this column, the same way on SQLite and PostgreSQL.
    search_name = models.CharField(max_length=201, blank=True, editable=False)
    # The duplicate keys of the GP import, indexed so a file's keys are looked up, not the
    # region read: the folded family name (with date of birth) and the normalised phone.
    family_key = models.CharField(max_length=100, blank=True, editable=False)
    phone_key = models.CharField(max_length=20, blank=True, editable=False)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [
            models.Index(fields=["region", "family_name", "given_name"]),
            models.Index(fields=["region", "neighbourhood"]),
            models.Index(fields=["region", "gp_practice"]),
            models.Index(fields=["region", "family_key", "date_of_birth"]),
            models.Index(fields=["region", "phone_key"]),
            # The name columns by id: a search sorts its matches (thousands for a common name)
            # by name, reading these 30-byte entries instead of the 200-byte rows (SQLite picks
            # it after ANALYZE; participant_page_for_user fetches the page's full rows after).
            models.Index(
                fields=["id", "region", "family_name", "given_name"],
                name="participant_sort_by_id_idx",
            ),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        # Derived columns, not domain logic: kept here so that no write path (service, admin,
        # factory) can leave them stale. Bulk writers add `derived_columns` themselves.
        for name, value in derived_columns(self.given_name, self.family_name, self.phone).items():
            setattr(self, name, value)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *DERIVED_COLUMNS}
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}"


class ImportBatch(PublicModel):
    """One GP practice's selection file: checked first (preview), then imported all or nothing.

    Between preview and confirm the raw file waits here (`upload`), addressed only by the opaque
    public_id, so it never travels through a URL or the browser again. It is emptied on import,
    cancel, or when a preview expires.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Checked, waiting for confirmation")
        IMPORTED = "imported", _("Imported")
        CANCELLED = "cancelled", _("Cancelled")

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="import_batches"
    )
    gp_practice = models.ForeignKey(
        "regions.Organisation",
        on_delete=models.PROTECT,
        related_name="import_batches",
        verbose_name=_("GP practice"),
        limit_choices_to={"kind": "gp_practice"},
    )
    consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="import_batches",
        verbose_name=_("intended session"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PREVIEWED
    )
    file_name = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_by_name = models.CharField(_("uploaded by"), max_length=150)
    upload = models.BinaryField(_("uploaded file"), blank=True, editable=False, default=b"")
    report = models.JSONField(_("check result"), default=dict, blank=True, editable=False)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    new_count = models.PositiveIntegerField(_("new participants"), default=0)
    duplicate_count = models.PositiveIntegerField(_("duplicates skipped"), default=0)
    error_count = models.PositiveIntegerField(_("bad rows"), default=0)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    imported_by_name = models.CharField(_("imported by"), max_length=150, blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["region", "status", "created_at"])]
        constraints = [
            # Paired fields: an imported batch says when and by whom; nothing else does.
            models.CheckConstraint(
                condition=(
                    Q(status="imported", imported_at__isnull=False) & ~Q(imported_by_name="")
                )
                | (~Q(status="imported") & Q(imported_at__isnull=True) & Q(imported_by_name="")),
                name="importbatch_imported_at_by_paired",
            ),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d})"


class CallListEntry(PublicModel):
    """One invitee to phone after a GP import, and what came of the call."""

    class Outcome(models.TextChoices):
        NOT_CALLED = "not_called", _("Not called yet")
        REACHED = "reached", _("Reached")
        REGISTERED = "registered", _("Registered")
        DECLINED = "declined", _("Declined")
        NO_ANSWER = "no_answer", _("No answer")
        WRONG_NUMBER = "wrong_number", _("Wrong number")

    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="call_entries")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="call_entries"
    )
    # Why the practice selected this person (ICPC code, BMI, medication): the caller's context.
    selection_reason = models.CharField(_("selection reason"), max_length=200, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.NOT_CALLED
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    called_at = models.DateTimeField(_("called at"), null=True, blank=True)
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("called by"),
    )

    class Meta:
        ordering = ["batch", "id"]
        indexes = [models.Index(fields=["batch", "outcome"])]
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "participant"], name="calllistentry_once_per_batch"
            ),
            models.CheckConstraint(
                condition=Q(called_at__isnull=True, called_by__isnull=True)
                | Q(called_at__isnull=False, called_by__isnull=False),
                name="calllistentry_called_at_by_paired",
            ),
            models.CheckConstraint(
                condition=Q(outcome="not_called", called_at__isnull=True)
                | (~Q(outcome="not_called") & Q(called_at__isnull=False)),
                name="calllistentry_outcome_has_call",
            ),
        ]

    def __str__(self):
        return f"{self.batch_id}/{self.participant_id}: {self.outcome}"


class ParticipantChange(models.Model):
    """Rectification history (AVG art. 16): which field changed, from what, to what, by whom.

    Erased together with the participant's identity (privacy.services.participant_anonymise).
    """

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(_("field"), max_length=50)
    old_value = models.CharField(_("old value"), max_length=255, blank=True)
    new_value = models.CharField(_("new value"), max_length=255, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    changed_by = models.CharField(_("changed by"), max_length=150)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return f"{self.field} @ {self.changed_at:%Y-%m-%d}"


# The Single Item Literacy Screener as published (English; shared/evidence-and-money.md, E44).
# The Dutch wording on screen is our own rendering, still to confirm against a validated Dutch
# version (the SBSQ-D items of Fransen 2011 are not copied here): the form, the research
# codebook and docs/monitoring.md show both and say so.
SILS_SOURCE_WORDING = (
    "How often do you need to have someone help you read instructions, pamphlets, "
    "or other written material from your doctor or pharmacy?"
)


class ParticipantBackground(PublicModel):
    """Optional answers asked at the first session for the equity view (issue 11).

    Each field may stay empty (not asked) or read "declined" (the person would rather not
    say). Wordings follow their sources (docs/monitoring.md): education as the highest
    completed level in the CBS SOI 2021 categories, health literacy with the Single Item
    Literacy Screener (SILS) and self-rated health as in the GGD health monitor.
    """

    DECLINED = "declined"

    class Education(models.TextChoices):
        PRIMARY = "11", _("Primary school (basisonderwijs) or less")
        LOWER_SECONDARY = "12", _("vmbo, first three years of havo/vwo, or mbo-1")
        MBO_2_3 = "211", _("mbo-2 or mbo-3")
        MBO_4 = "212", _("mbo-4")
        HAVO_VWO = "213", _("havo or vwo diploma")
        BACHELOR = "31", _("Associate degree, or hbo or university bachelor")
        MASTER = "32", _("hbo or university master, or doctorate")
        FOREIGN = "foreign", _("Foreign diploma or don't know")
        DECLINED = "declined", _("Prefer not to say")

    class HelpReading(models.TextChoices):
        NEVER = "1", _("Never")
        RARELY = "2", _("Rarely")
        SOMETIMES = "3", _("Sometimes")
        OFTEN = "4", _("Often")
        ALWAYS = "5", _("Always")
        DECLINED = "declined", _("Prefer not to say")

    class SelfRatedHealth(models.TextChoices):
        VERY_GOOD = "1", _("Very good")
        GOOD = "2", _("Good")
        FAIR = "3", _("Fair")
        POOR = "4", _("Poor")
        VERY_POOR = "5", _("Very poor")
        DECLINED = "declined", _("Prefer not to say")

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="background"
    )
    education = models.CharField(
        _("What is the highest education you have completed?"),
        max_length=8,
        choices=Education.choices,
        blank=True,
    )
    help_reading = models.CharField(
        _(
            "How often do you need to have someone help you read instructions, pamphlets, "
            "or other written material from your doctor or pharmacy?"
        ),
        max_length=8,
        choices=HelpReading.choices,
        blank=True,
    )
    self_rated_health = models.CharField(
        _("How is your health in general?"),
        max_length=8,
        choices=SelfRatedHealth.choices,
        blank=True,
    )
    recorded_by = models.CharField(_("recorded by"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("background answers")
        verbose_name_plural = _("background answers")

    def __str__(self):
        return f"background {self.participant_id}"
