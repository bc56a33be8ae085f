"""Region dashboard, its CSV exports and the funder report (AGGREGATE_VIEW).

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
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.finance.selectors import business_case
from groepsconsult.monitoring.dashboard import dashboard_context
from groepsconsult.monitoring.exports import outcomes_csv, reach_csv
from groepsconsult.monitoring.forms import DashboardFilterForm
from groepsconsult.monitoring.selectors import aggregate_regions_for_user

EXPORTS = {"outcomes": outcomes_csv, "reach": reach_csv}
EXPORT_LABELS = [("outcomes", _("Outcomes (CSV)")), ("reach", _("Reach (CSV)"))]


def _filters(request, data):
    form = DashboardFilterForm(data or None, region=request.membership.region)
    return form, form.filters()


def _scope(request, data):
    """The active region, or with ?combined=1 every region where the user sees group figures
    (a national insurer funds many cities); cells stay suppressed on the combined figures."""
    regions = aggregate_regions_for_user(user=request.user)
    if data.get("combined") == "1" and len(regions) > 1:
        return regions, regions
    return request.membership.region, regions


def _log_export(request, what):
    access_log_write(
        by=Actor.from_request(request),
        action=AccessEvent.Action.EXPORT,
        subject_type="monitoring",
        subject_ids=[request.membership.region.slug],
        purpose="monitoring export",
        detail=what,
    )


@require_GET
@require_permission(Permission.AGGREGATE_VIEW)
def dashboard(request):
    form, filters = _filters(request, request.GET)
    scope, regions = _scope(request, request.GET)
    context = {
        "form": form,
        "exports": EXPORT_LABELS,
        "combined": scope is regions,
        "regions": regions,
        **dashboard_context(region=scope, filters=filters),
    }
    return render(request, "monitoring/dashboard.html", context)


@require_POST
@require_permission(Permission.AGGREGATE_VIEW)
def dashboard_export(request, what):
    if what not in EXPORTS:
        raise Http404
    _form, filters = _filters(request, request.POST)
    scope, _regions = _scope(request, request.POST)
    body = EXPORTS[what](region=scope, filters=filters)
    _log_export(request, f"{what}.csv")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{what}.csv"'
    return response


@require_POST
@require_permission(Permission.AGGREGATE_VIEW)
def funder_report(request):
    region = request.membership.region
    form, filters = _filters(request, request.POST)
    year = (filters.end or timezone.localdate()).year
    # Costs only for roles that may see the money pages (not the researcher or physician).
    sees_money = role_has_permission(request.membership.role, Permission.FINANCE_VIEW)
    context = {
        "region": region,
        "form": form,
        "year": year,
        "case": business_case(region=region, year=year) if sees_money else None,
        **dashboard_context(region=region, filters=filters),
    }
    html = render_to_string("monitoring/funder_report.html", context, request=request)
    _log_export(request, "funder report")
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="report-{region.slug}-{year}.pdf"'
    return response
