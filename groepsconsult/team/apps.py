from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamConfig(AppConfig):
    name = "groepsconsult.team"
    label = "team"
    nav_items = [(_("Users"), "team:member-list", "user_manage")]
