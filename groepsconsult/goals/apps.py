from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "groepsconsult.goals"
    label = "goals"
