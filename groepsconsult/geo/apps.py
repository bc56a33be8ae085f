from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "groepsconsult.geo"
    label = "geo"
    verbose_name = _("Maps")
    nav_items = [(_("Maps"), "geo:map", "aggregate_view")]
