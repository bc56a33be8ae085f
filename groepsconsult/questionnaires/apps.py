from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "groepsconsult.questionnaires"
    label = "questionnaires"
