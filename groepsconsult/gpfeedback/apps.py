from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GpFeedbackConfig(AppConfig):
    name = "groepsconsult.gpfeedback"
    label = "gpfeedback"
    verbose_name = _("GP feedback")
    nav_items = [(_("GP feedback"), "gpfeedback:feedback-list", "gp_feedback_view")]
