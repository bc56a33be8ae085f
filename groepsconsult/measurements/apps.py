from django.apps import AppConfig


class MeasurementsConfig(AppConfig):
    name = "groepsconsult.measurements"
    label = "measurements"
