from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "groepsconsult.audit"
    label = "audit"
