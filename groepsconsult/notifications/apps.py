from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "groepsconsult.notifications"
    label = "notifications"
    verbose_name = _("Reminders")
    nav_items = [(_("Reminders"), "notifications:consultation-message-list", "consultation_manage")]

    def ready(self):
        from groepsconsult.notifications import receivers  # noqa: F401 (connects the receivers)
