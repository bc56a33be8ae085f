from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "groepsconsult.audit"
    label = "audit"
    nav_items = [(_("Access log"), "audit:access-log", "audit_view")]
