from django.contrib import admin

from groepsconsult.audit.admin_logging import AccessLoggedAdminMixin
from groepsconsult.audit.models import AccessEvent


@admin.register(AccessEvent)
class AccessEventAdmin(AccessLoggedAdminMixin, admin.ModelAdmin):
    """Read-only: the log is append-only (the database refuses updates and deletes too)."""

    list_display = ["at", "username", "role", "action", "subject_type", "participant_id", "purpose"]
    list_filter = ["action", "region_slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
