from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "groepsconsult.documents"
    label = "documents"
