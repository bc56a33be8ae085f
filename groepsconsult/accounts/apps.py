from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "groepsconsult.accounts"
    label = "accounts"
