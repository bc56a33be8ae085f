from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasurementsConfig(AppConfig):
    name = "groepsconsult.measurements"
    label = "measurements"
    nav_items = [(_("Stations"), "measurements:station-start", "measurement_enter")]
    dashboard_panels = ["groepsconsult.measurements.selectors.day_dashboard_panel"]
