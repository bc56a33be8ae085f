from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "groepsconsult.registrations"
    label = "registrations"
    nav_items = [(_("Registrations"), "registrations:session-index", "consultation_view")]
    dashboard_panels = ["groepsconsult.registrations.selectors.door_dashboard_panel"]
