from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "groepsconsult.consultations"
    label = "consultations"
    nav_items = [(_("Group consultations"), "consultations:consultation-list", "consultation_view")]
    dashboard_panels = ["groepsconsult.consultations.selectors.readiness_dashboard_panel"]
