from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "groepsconsult.notifications"
    label = "notifications"
