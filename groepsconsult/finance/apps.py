from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "groepsconsult.finance"
    label = "finance"
    verbose_name = _("Money")
    nav_items = [(_("Money"), "finance:overview", "finance_view")]
    dashboard_panels = ["groepsconsult.finance.selectors.finance_dashboard_panel"]
