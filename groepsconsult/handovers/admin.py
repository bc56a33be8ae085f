from django.contrib import admin

from groepsconsult.handovers.models import Handover, Signal


@admin.register(Handover)
class HandoverAdmin(admin.ModelAdmin):
    # Personal data: the admin shows ids and states only, and everything is read-only.
    list_display = ["public_id", "offer", "status", "status_changed_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in Handover._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Signal)
class SignalAdmin(admin.ModelAdmin):
    list_display = ["public_id", "kind", "raised_at", "resolved_at"]
    list_filter = ["kind"]
    readonly_fields = [f.name for f in Signal._meta.fields]

    def has_add_permission(self, request):
        return False
