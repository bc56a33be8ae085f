from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "groepsconsult.research"
    label = "research"
    verbose_name = _("Research")
    nav_items = [
        (_("Research export"), "research:export-list", "research_export"),
        (_("Research projects"), "research:project-list", "research_manage"),
    ]
