from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "groepsconsult.registrations"
    label = "registrations"
