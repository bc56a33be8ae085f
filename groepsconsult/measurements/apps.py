from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasurementsConfig(AppConfig):
    name = "groepsconsult.measurements"
    label = "measurements"
    nav_items = [
        (_("Stations"), "measurements:station-start", "measurement_enter"),
        (_("Earlier results"), "measurements:earlier-import", "gp_import"),
    ]
    timeline_entries = ["groepsconsult.measurements.selectors.measurement_timeline_entries"]
    dashboard_panels = ["groepsconsult.measurements.selectors.day_dashboard_panel"]
