from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "groepsconsult.demo"
    label = "demo"
