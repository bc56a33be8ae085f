from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "groepsconsult.monitoring"
    label = "monitoring"
