"""The one model this app owns: a coordinator's removal of bogus public sign-ups, kept for undo.

Registrations themselves belong to the consultations app.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groepsconsult.consultations.models import Consultation, Registration
from groepsconsult.core.models import PublicModel

# The access log's name for a resident signing up on the public page (no account).
SELF_REGISTRATION_NAME = "self-registration"


class SignupRemoval(PublicModel):
    """Public sign-ups of one session in a time window (optionally from one client address),
    cancelled in one click; the list of registrations it cancelled makes the undo exact."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="signup_removals"
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
