from django.apps import AppConfig


class OffersConfig(AppConfig):
    name = "groepsconsult.offers"
    label = "offers"
