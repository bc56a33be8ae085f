"""Reads of personal data through Django's admin are logged like any other read (NEN 7513)."""

from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write

PURPOSE_ADMIN = "administration (admin site)"


def _participant_id(obj):
    participant = getattr(obj, "participant", None)
    return getattr(participant, "public_id", None)


class AccessLoggedAdminMixin:
    """Put first in the bases of a ModelAdmin whose rows hold personal data. The list logs one
    row per participant shown on the page; opening a record logs that record."""

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:
            rows = list(changelist.result_list)
            access_log_write(
                by=Actor.from_request(request),
                action=AccessEvent.Action.LIST,
                subject_type=self.model._meta.model_name,
                participant_ids=[p for p in map(_participant_id, rows) if p],
                purpose=PURPOSE_ADMIN,
                detail=f"admin list, {len(rows)} rows",
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200 and request.method == "GET":
            obj = self.get_object(request, object_id)
            participant = _participant_id(obj) if obj is not None else None
            access_log_write(
                by=Actor.from_request(request),
                action=AccessEvent.Action.VIEW,
                subject_type=self.model._meta.model_name,
                subject_ids=[object_id],
                participant_ids=[participant] if participant else [],
                purpose=PURPOSE_ADMIN,
            )
        return response
