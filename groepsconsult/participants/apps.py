from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "groepsconsult.participants"
    label = "participants"
    nav_items = [
        (_("Participants"), "participants:participant-list", "participant_list"),
        (_("GP import"), "gp_import:batch-list", "gp_import"),
    ]
    dashboard_panels = ["groepsconsult.participants.gp_import.selectors.call_list_dashboard_panel"]

    def ready(self):
        from django.db.models.signals import post_migrate

        from groepsconsult.participants.search import fts_ensure

        post_migrate.connect(fts_ensure, sender=self, dispatch_uid="participants.fts_ensure")
