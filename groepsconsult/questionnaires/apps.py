from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionnairesConfig(AppConfig):
    name = "groepsconsult.questionnaires"
    label = "questionnaires"
    nav_items = [(_("Questionnaires"), "questionnaires:start", "questionnaire_fill")]
