"""Registration: a participant's place in one consultation (owned by this app, see ADR 0006)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.core.models import PublicModel


class Registration(PublicModel):
    """A participant's place in one consultation: how they came in, and whether they came.

    The recruitment channel is recorded for every route, so reach per route can be evaluated.
    `day_number` is the participant's number for the day (station mode picks people by it).
    """

    class Channel(models.TextChoices):
        SELF = "self", _("Self-registration (online)")
        PROFESSIONAL = "professional", _("Referred by a professional")
        GP_SELECTION = "gp_selection", _("GP practice selection")
        COMMUNITY = "community", _("Community route (key person or group)")
        WALK_IN = "walk_in", _("Walk-in on the day")
        EARLIER = "earlier_import", _("Earlier results import (route unknown)")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        CANCELLED = "cancelled", _("Cancelled")

    class Attendance(models.TextChoices):
        UNKNOWN = "unknown", _("Not yet known")
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.PROTECT, related_name="registrations"
    )
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="registrations"
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    referred_by = models.ForeignKey(
        "regions.Professional",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("referred by"),
    )
    referral_reason = models.CharField(_("reason for referral"), max_length=300, blank=True)
    community_contact = models.CharField(
        _("key person or group"),
        max_length=150,
        blank=True,
        help_text=_("For the community route: the key person or group that brought them."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REGISTERED
    )
    attendance = models.CharField(
        _("attendance"), max_length=8, choices=Attendance.choices, default=Attendance.UNKNOWN
    )
    day_number = models.PositiveSmallIntegerField(_("number for the day"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)

    class Meta:
        # The table keeps its name from when the model lived in `consultations` (ADR 0006):
        # the move was state-only, no data was copied.
        db_table = "consultations_registration"
        ordering = ["day_number", "created_at"]
        indexes = [models.Index(fields=["consultation", "status", "attendance"])]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "participant"], name="registration_once_per_session"
            ),
            models.UniqueConstraint(
                fields=["consultation", "day_number"],
                name="registration_unique_day_number",
                condition=Q(day_number__isnull=False),
            ),
            models.CheckConstraint(
                condition=~Q(attendance="present") | Q(checked_in_at__isnull=False),
                name="registration_present_has_check_in_time",
            ),
        ]


# The access log's name for a resident signing up on the public page (no account).
SELF_REGISTRATION_NAME = "self-registration"


class SignupRemoval(PublicModel):
    """Public sign-ups of one session in a time window (optionally from one client address),
    cancelled in one click; the list of registrations it cancelled makes the undo exact."""

    consultation = models.ForeignKey(
        "consultations.Consultation", on_delete=models.PROTECT, related_name="signup_removals"
    )
    since = models.DateTimeField(_("signed up from"))
    until = models.DateTimeField(_("signed up until"))
    ip_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    registrations = models.ManyToManyField(Registration, related_name="+", blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(undone_at__isnull=True, undone_by__isnull=True)
                | Q(undone_at__isnull=False, undone_by__isnull=False),
                name="signup_removal_undone_paired",
            ),
            models.CheckConstraint(
                condition=Q(until__gte=models.F("since")), name="signup_removal_window_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.consultation_id} {self.since:%Y-%m-%d %H:%M}–{self.until:%H:%M}"
