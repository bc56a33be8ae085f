from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "groepsconsult.consultations"
    label = "consultations"
