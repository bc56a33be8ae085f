from django.apps import AppConfig


class ParticipantsConfig(AppConfig):
    name = "groepsconsult.participants"
    label = "participants"
