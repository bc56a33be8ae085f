"""Admin: texts can be added as new versions; a text in use and all consent rows are read-only."""

from django.contrib import admin

from groepsconsult.audit.admin_logging import AccessLoggedAdminMixin
from groepsconsult.consent.models import Consent, ConsentText


@admin.register(ConsentText)
class ConsentTextAdmin(admin.ModelAdmin):
    list_display = ["purpose", "version", "valid_from"]
    list_filter = ["purpose"]

    def get_readonly_fields(self, request, obj=None):
        # What someone agreed to can never change: add a new version instead.
        if obj is not None and obj.consents.exists():
            return ConsentText.TEXT_FIELDS
        return ()

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.consents.exists()


@admin.register(Consent)
class ConsentAdmin(AccessLoggedAdminMixin, admin.ModelAdmin):
    """History is written only by consent.services (audited); the admin may look, not touch."""

    list_display = ["purpose", "decision", "recorded_how", "recorded_at", "withdrawn_at"]
    list_filter = ["purpose", "decision"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
