from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    name = "groepsconsult.returns"
    label = "returns"
    verbose_name = _("Return invitations")
    nav_items = [(_("Return invitations"), "returns:index", "consultation_manage")]
