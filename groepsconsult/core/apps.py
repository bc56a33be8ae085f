from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "groepsconsult.core"
    label = "core"

    def ready(self):
        from groepsconsult import checks  # noqa: F401  (registers the system checks)
