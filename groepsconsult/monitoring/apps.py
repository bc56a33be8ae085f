from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _refresh_facts(sender, **ids):
    from groepsconsult.monitoring.services import facts_refresh_for

    facts_refresh_for(**ids)


class MonitoringConfig(AppConfig):
    name = "groepsconsult.monitoring"
    label = "monitoring"
    nav_items = [
        (_("Plenary"), "monitoring:plenary-list", "plenary_view"),
        (_("Monitoring"), "monitoring:dashboard", "aggregate_view"),
    ]

    def ready(self):
        from groepsconsult.core.signals import facts_changed

        facts_changed.connect(_refresh_facts, dispatch_uid="monitoring-facts")
