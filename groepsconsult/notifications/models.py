"""What was sent to whom, and who does not want messages.

OutboundMessage is the ledger that makes `send_reminders` idempotent: one row per
(registration, kind), so a reminder is never sent twice however often cron runs. The
confirmation of a public sign-up is recorded the same way (kind "confirmation"). It stores
the channel and outcome, not the text or the phone number: those stay in the participant record.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, TimeStampedModel


class ContactPreference(TimeStampedModel):
    """A participant's opt-out per channel. No row means: messages are welcome."""

    participant = models.OneToOneField(
        "participants.Participant", on_delete=models.CASCADE, related_name="contact_preference"
    )
    sms_opt_out = models.BooleanField(_("no text messages (SMS)"), default=False)
    email_opt_out = models.BooleanField(_("no e-mail"), default=False)
    changed_by = models.CharField(_("changed by"), max_length=150)

    def __str__(self):
        return f"contact preference {self.participant_id}"


class OutboundMessage(PublicModel):
    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Reminder 2 days before")
        CONFIRMATION = "confirmation", _("Confirmation of a public sign-up")

    class Channel(models.TextChoices):
        SMS = "sms", _("Text message (SMS)")
        EMAIL = "email", _("E-mail")
        NONE = "none", _("None")

    class Status(models.TextChoices):
        # PENDING is written before the transport is called: a crash after sending leaves it
        # pending, and pending is never retried, so a reminder goes out at most once.
        PENDING = "pending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        OPTED_OUT = "opted_out", _("Not sent: opted out")
        NO_CONTACT = "no_contact", _("Not sent: no mobile number or e-mail")

    # Outcomes after which the command tries again on its next run (within the window).
    RETRYABLE = frozenset({Status.FAILED, Status.OPTED_OUT, Status.NO_CONTACT})
    MAX_ATTEMPTS = 3

    registration = models.ForeignKey(
        "registrations.Registration", on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    language = models.CharField(_("language"), max_length=8, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Technical reason only (status code, exception class): never message text or numbers.
    error = models.CharField(_("error"), max_length=200, blank=True)
    provider_ref = models.CharField(_("provider reference"), max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind"], name="outbound_message_once_per_kind"
            ),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="outbound_message_sent_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.channel} {self.status}"
