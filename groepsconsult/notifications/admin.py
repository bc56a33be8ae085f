from django.contrib import admin

from groepsconsult.audit.admin_logging import AccessLoggedAdminMixin
from groepsconsult.notifications.models import OutboundMessage


@admin.register(OutboundMessage)
class OutboundMessageAdmin(AccessLoggedAdminMixin, admin.ModelAdmin):
    # Outcomes only; the participant is reached through the registration, not shown here.
    list_display = ["kind", "channel", "status", "attempts", "sent_at", "created_at"]
    list_filter = ["kind", "channel", "status"]
    readonly_fields = [f.name for f in OutboundMessage._meta.fields]
