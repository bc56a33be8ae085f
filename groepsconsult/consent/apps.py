from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "groepsconsult.consent"
    label = "consent"
