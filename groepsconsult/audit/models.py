"""The access log (NEN 7513 style): who did what with whose data, when, in which role and why.

Rows are append-only: database triggers (migration 0002) refuse UPDATE and DELETE, so not even
a bug or the admin can rewrite history. There are deliberately no foreign keys to the subject:
the log must outlive the records it describes.
"""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from groepsconsult.audit.purposes import Purpose
from groepsconsult.core.models import ChoiceLabelsModel


class AccessEvent(ChoiceLabelsModel):
    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        LIST = "list", _("Listed")
        CREATE = "create", _("Created")
        CHANGE = "change", _("Changed")
        DELETE = "delete", _("Deleted")
        EXPORT = "export", _("Exported")
        PRINT = "print", _("Printed")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user_id = models.BigIntegerField(_("user id"), null=True)
    username = models.CharField(_("user"), max_length=150)
    role = models.CharField(_("role"), max_length=32, blank=True)
    region_slug = models.CharField(_("region"), max_length=50, blank=True)
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    subject_type = models.CharField(_("record type"), max_length=40)
    subject_id = models.CharField(_("record id"), max_length=64, blank=True)
    participant_id = models.UUIDField(_("participant"), null=True, blank=True)
    purpose = models.CharField(_("purpose"), max_length=100, choices=Purpose.choices)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["participant_id", "at"]),
            models.Index(fields=["username", "at"]),
            models.Index(fields=["region_slug", "at"]),
            # The privacy officer's search by user (any case, as typed): the region's rows of
            # that user newest first, instead of every row of the region until 50 match. The
            # user comes first so that no query without it can start on this index (SQLite
            # took it for the unfiltered log, without statistics for it, and sorted the region).
            models.Index(
                Lower("username"), "region_slug", "at", name="accessevent_user_region_idx"
            ),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.subject_type}"
