from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupsConfig(AppConfig):
    name = "groepsconsult.followups"
    label = "followups"
    verbose_name = _("Follow-up")
    nav_items = [
        (_("Follow-up calls"), "followups:worklist", "followup_call"),
        (_("Review meeting"), "followups:review-list", "signal_view"),
    ]
