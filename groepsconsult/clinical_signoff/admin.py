from django.contrib import admin

from groepsconsult.clinical_signoff.models import RulesetApproval


@admin.register(RulesetApproval)
class RulesetApprovalAdmin(admin.ModelAdmin):
    """Read-only: an approval is a signature, made only through the physician's page."""

    list_display = ("region", "ruleset_version", "approved_by_name", "approved_at")
    list_filter = ("region", "ruleset_version")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
