"""Region dashboard, its CSV and XLSX exports and the funder report (AGGREGATE_VIEW).

Only suppressed aggregates are shown (monitoring/suppression.py); no row is about one person.
Exports and the report are POSTs because they write the access log; the page itself writes
nothing.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from weasyprint import HTML

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission, role_has_permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.monitoring.dashboard import dashboard_context
from groepsconsult.monitoring.disclosure import safe_view
from groepsconsult.monitoring.exports import outcomes_csv, outcomes_xlsx, reach_csv, reach_xlsx
from groepsconsult.monitoring.exports_process import (
    equity_csv,
    equity_xlsx,
    process_csv,
    process_xlsx,
)
from groepsconsult.monitoring.forms import DashboardFilterForm
from groepsconsult.monitoring.memo import request_memo
from groepsconsult.monitoring.report import funder_report_context
from groepsconsult.monitoring.selectors import aggregate_regions_for_user

EXPORTS = {
    ("outcomes", "csv"): outcomes_csv,
    ("reach", "csv"): reach_csv,
    ("outcomes", "xlsx"): outcomes_xlsx,
    ("reach", "xlsx"): reach_xlsx,
    ("process", "csv"): process_csv,
    ("process", "xlsx"): process_xlsx,
    ("equity", "csv"): equity_csv,
    ("equity", "xlsx"): equity_xlsx,
}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXPORT_LABELS = [
    ("outcomes", _("Outcomes (CSV)")),
    ("reach", _("Reach (CSV)")),
    ("process", _("Process (CSV)")),
]
XLSX_LABELS = [
    ("outcomes", _("Outcomes (XLSX)")),
    ("reach", _("Reach (XLSX)")),
    ("process", _("Process (XLSX)")),
]


def _view(request, data):
    """(form, filters, scope, regions): the active region, or with ?combined=1 every region
    where the user sees group figures (a national insurer funds many cities); cells stay
    suppressed on the combined figures, and the differencing guard may widen the view."""
    form = DashboardFilterForm(data or None, region=request.membership.region)
    regions = aggregate_regions_for_user(user=request.user)
    filters, scope = safe_view(
        form=form,
        region=request.membership.region,
        regions=regions,
        combined=data.get("combined") == "1",
    )
    return form, filters, scope, regions


def _log_export(request, what):
    access_log_write(
        by=Actor.from_request(request),
        action=AccessEvent.Action.EXPORT,
        subject_type="monitoring",
        subject_ids=[request.membership.region.slug],
        purpose=Purpose.MONITORING_EXPORT,
        detail=what,
    )


@require_GET
@require_permission(Permission.AGGREGATE_VIEW)
def dashboard(request):
    with request_memo():  # the guard's per-region reads serve the combined page too
        form, filters, scope, regions = _view(request, request.GET)
        context = {
            "form": form,
            "exports": EXPORT_LABELS,
            "xlsx_exports": XLSX_LABELS,
            "combined": scope is regions,
            "regions": regions,
            **dashboard_context(region=scope, filters=filters),
        }
    return render(request, "monitoring/dashboard.html", context)


@require_POST
@require_permission(Permission.AGGREGATE_VIEW)
def dashboard_export(request, what, fmt="csv"):
    """One aggregate as CSV or (fmt="xlsx") as XLSX: the same suppressed rows either way."""
    if (what, fmt) not in EXPORTS:
        raise Http404
    _form, filters, scope, _regions = _view(request, request.POST)
    body = EXPORTS[what, fmt](region=scope, filters=filters)
    _log_export(request, f"{what}.{fmt}")
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{what}.{fmt}"'
    return response


@require_POST
@require_permission(Permission.AGGREGATE_VIEW)
def funder_report(request):
    region = request.membership.region
    form = DashboardFilterForm(request.POST or None, region=region)
    filters, _scope = safe_view(form=form, region=region, regions=[region], combined=False)
    year = (filters.end or timezone.localdate()).year
    # Costs only for roles that may see the money pages (not the researcher or physician).
    sees_money = role_has_permission(request.membership.role, Permission.FINANCE_VIEW)
    context = {
        "region": region,
        "form": form,
        "year": year,
        **funder_report_context(region=region, filters=filters, year=year, sees_money=sees_money),
    }
    html = render_to_string("monitoring/funder_report.html", context, request=request)
    _log_export(request, "funder report")
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="report-{region.slug}-{year}.pdf"'
    return response
