from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    name = "groepsconsult.handovers"
    label = "handovers"
    verbose_name = _("Warm hand-overs")
    nav_items = [
        (_("Hand-overs"), "handovers:handover-list", "handover_manage"),
        (_("Hand-over inbox"), "handovers:handover-inbox", "handover_respond"),
        (_("Signals"), "handovers:signal-list", "signal_view"),
    ]
    dashboard_panels = ["groepsconsult.handovers.selectors.signals_dashboard_panel"]
