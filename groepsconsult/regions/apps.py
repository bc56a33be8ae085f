from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "groepsconsult.regions"
    label = "regions"
