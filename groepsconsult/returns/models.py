"""Invitations to the 6-month return session: one row per participant per return session.

The row records how the invitation went out (SMS, e-mail, or only the printed letter) and, when
the participant is not coming, why. Whether they registered is read from `registrations`
(a place in the return session, by any route), so nothing here copies it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel, RegionScopedQuerySet


class ReturnInvitation(PublicModel):
    class Channel(models.TextChoices):
        SMS = "sms", _("Text message (SMS)")
        EMAIL = "email", _("E-mail")
        LETTER = "letter", _("Letter only")

    class SendStatus(models.TextChoices):
        # PENDING is committed before the transport is called: a crash after sending leaves it
        # pending and it is never sent again (at most once, like the reminders).
        PENDING = "pending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        NOT_SENT = "not_sent", _("Not sent (letter only)")

    class NotComing(models.TextChoices):
        MOVED_AWAY = "moved_away", _("Moved away")
        NO_INTEREST = "no_interest", _("No interest")
        TOO_ILL = "too_ill", _("Too ill")
        UNREACHABLE = "unreachable", _("Unreachable")
        OTHER = "other", _("Other")

    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+")
    consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.PROTECT,
        related_name="return_invitations",
        verbose_name=_("return session"),
    )
    baseline_consultation = models.ForeignKey(
        "consultations.Consultation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("first session"),
    )
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="return_invitations"
    )
    trajectory = models.ForeignKey(
        "trajectories.Trajectory", on_delete=models.CASCADE, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    send_status = models.CharField(_("sending"), max_length=10, choices=SendStatus.choices)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Technical reason only (exception class, status code): never message text or numbers.
    send_error = models.CharField(_("error"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8)
    contact_phone = models.CharField(_("phone number for questions"), max_length=20)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    not_coming_reason = models.CharField(
        _("reason for not coming"), max_length=12, choices=NotComing.choices, blank=True
    )
    not_coming_note = models.CharField(_("explanation"), max_length=200, blank=True)
    not_coming_at = models.DateTimeField(_("recorded at"), null=True, blank=True)

    objects = RegionScopedQuerySet.as_manager()

    class Meta:
        ordering = ["participant__family_name", "participant__given_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "participant"], name="return_invitation_once_per_session"
            ),
            models.CheckConstraint(
                condition=Q(not_coming_reason="", not_coming_at__isnull=True)
                | (~Q(not_coming_reason="") & Q(not_coming_at__isnull=False)),
                name="return_invitation_not_coming_paired",
            ),
            models.CheckConstraint(
                condition=~Q(not_coming_reason="other") | ~Q(not_coming_note=""),
                name="return_invitation_other_has_note",
                violation_error_message=_("Explain the reason 'other'."),
            ),
            models.CheckConstraint(
                condition=~Q(send_status="sent") | Q(sent_at__isnull=False),
                name="return_invitation_sent_has_time",
            ),
        ]
        indexes = [models.Index(fields=["consultation", "not_coming_reason"])]

    def __str__(self):
        return f"return invitation {self.participant_id} -> {self.consultation_id}"
