from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "groepsconsult.monitoring"
    label = "monitoring"
    nav_items = [
        (_("Plenary"), "monitoring:plenary-list", "plenary_view"),
        (_("Monitoring"), "monitoring:dashboard", "aggregate_view"),
    ]
