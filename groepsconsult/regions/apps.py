from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "groepsconsult.regions"
    label = "regions"
    nav_items = [(_("Region"), "regions:neighbourhood-list", "region_view")]
