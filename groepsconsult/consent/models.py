"""Consent per purpose (AVG: explicit, per purpose, withdrawable), with versioned texts.

History is every row: a new decision adds a row, a withdrawal closes the open row, nothing is
deleted. The filters other features must use live in consent.selectors.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, TimeStampedModel


class ConsentPurpose(models.TextChoices):
    SHARE_WITH_GP = "share_with_gp", _("Share results with own GP")
    CONTACT_BY_HEALTH_CHAMPION = "contact_by_health_champion", _("Contact by a health champion")
    ANONYMOUS_MONITORING = "anonymous_monitoring", _("Anonymous use for monitoring")
    PSEUDONYMISED_RESEARCH = "pseudonymised_research", _("Pseudonymised research")
    PHOTOS = "photos", _("Photos")
    SHARE_WITH_OFFER = "share_with_offer", _("Share name and phone with the offer")
    SHARE_STORY = "share_story", _("Share my story anonymously in reports")


class ConsentText(TimeStampedModel):
    """The words a participant agreed to. Immutable once a consent points at it: change = new version."""

    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    version = models.CharField(_("version"), max_length=20)
    valid_from = models.DateField(_("valid from"))
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"))
    text_tr = models.TextField(_("text (Turkish)"), blank=True)
    text_ar = models.TextField(_("text (Arabic)"), blank=True)

    TEXT_FIELDS = ("text_nl", "text_en", "text_tr", "text_ar", "purpose", "version", "valid_from")

    class Meta:
        ordering = ["purpose", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "version"], name="consent_text_version_unique"
            )
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} v{self.version}"

    def text_for(self, language: str) -> str:
        """The text in `language`, falling back to Dutch (the text that is always complete)."""
        return getattr(self, f"text_{language}", "") or self.text_nl

    def clean(self):
        # Invariant: what a participant agreed to can never change afterwards.
        if self.pk and self.consents.exists():
            stored = ConsentText.objects.values(*self.TEXT_FIELDS).get(pk=self.pk)
            if any(stored[name] != getattr(self, name) for name in self.TEXT_FIELDS):
                raise ValidationError(
                    _("This text has been used for consent; add a new version instead.")
                )


class Consent(PublicModel):
    class Decision(models.TextChoices):
        GIVEN = "given", _("Given")
        REFUSED = "refused", _("Refused")

    class How(models.TextChoices):
        PAPER = "paper", _("On paper")
        DIGITAL = "digital", _("Digitally")

    # The history belongs to the person: erasing the participant (AVG art. 17) erases it too.
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    text = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, related_name="consents", verbose_name=_("text")
    )
    decision = models.CharField(_("decision"), max_length=8, choices=Decision.choices)
    recorded_how = models.CharField(_("recorded how"), max_length=8, choices=How.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=200, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["participant", "purpose", "recorded_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True, withdrawn_by__isnull=True)
                | Q(withdrawn_at__isnull=False, withdrawn_by__isnull=False),
                name="consent_withdrawn_at_and_by_paired",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | ~Q(withdrawal_reason=""),
                name="consent_withdrawal_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(decision="given"),
                name="consent_only_given_can_be_withdrawn",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("recorded_at")),
                name="consent_withdrawn_after_recorded",
            ),
            # At most one open "given" row per purpose: this is what the selectors' EXISTS
            # filter looks up, and the partial unique index makes that lookup an index probe.
            models.UniqueConstraint(
                fields=["participant", "purpose"],
                condition=Q(decision="given", withdrawn_at__isnull=True),
                name="consent_one_current_per_purpose",
            ),
        ]

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.get_decision_display()}"

    @property
    def is_current(self) -> bool:
        return self.decision == self.Decision.GIVEN and self.withdrawn_at is None

    def clean(self):
        if self.text_id and self.text.purpose != self.purpose:
            raise ValidationError({"text": _("The text belongs to another purpose.")})
