from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "groepsconsult.documents"
    label = "documents"
    nav_items = [(_("Booklets"), "documents:consultation-list", "booklet_print")]
