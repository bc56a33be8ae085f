"""The privacy officer's access log: search and CSV export.

Who may use them: AUDIT_VIEW (search), AUDIT_EXPORT (CSV). Exporting is itself logged.
"""

import csv
from itertools import chain

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.forms import AccessLogFilterForm
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.selectors import access_event_list_for_user, access_event_page
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.core.spreadsheet import formula_safe

CSV_COLUMNS = [
    "at",
    "username",
    "role",
    "region_slug",
    "action",
    "subject_type",
    "subject_id",
    "participant_id",
    "purpose",
    "detail",
    "ip_address",
]


def _filtered(request):
    form = AccessLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, access_event_list_for_user(membership=request.membership, filters=filters)


@require_permission(Permission.AUDIT_VIEW)
def access_log(request):
    form, events = _filtered(request)
    after = request.GET.get("after", "")
    page = access_event_page(events, after=int(after) if after.isdigit() else None)
    params = request.GET.copy()
    params.pop("after", None)
    context = {"form": form, "page": page, "filters": params.urlencode()}
    return render(request, "audit/access_log.html", context)


class _Echo:
    def write(self, value):
        return value


def _csv_cell(value):
    return formula_safe("" if value is None else str(value))


@require_permission(Permission.AUDIT_EXPORT)
def access_log_export(request):
    _form, events = _filtered(request)
    access_log_write(
        by=Actor.from_request(request),
        action=AccessEvent.Action.EXPORT,
        subject_type="access_log",
        purpose=Purpose.PRIVACY_SUPERVISION,
        detail=request.GET.urlencode()[:255],
    )
    writer = csv.writer(_Echo())
    rows = (
        writer.writerow([_csv_cell(getattr(e, c)) for c in CSV_COLUMNS])
        for e in events.iterator(chunk_size=2000)
    )
    header = [writer.writerow(CSV_COLUMNS)]
    response = StreamingHttpResponse(chain(header, rows), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="access-log-{stamp}.csv"'
    return response
