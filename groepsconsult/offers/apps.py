from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "groepsconsult.offers"
    label = "offers"
    verbose_name = _("Social map")
    nav_items = [(_("Social map"), "offers:offer-list", "offer_view")]
    dashboard_panels = ["groepsconsult.offers.selectors.offers_dashboard_panel"]
