from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "groepsconsult.goals"
    label = "goals"
    nav_items = [(_("Personal goals"), "goals:goal-start", "goal_edit")]
    timeline_entries = ["groepsconsult.goals.selectors.goal_timeline_entries"]
