"""Equity view: the per-person indicators by neighbourhood status and by group (AGGREGATE_VIEW).

Only suppressed aggregates are shown (monitoring/equity.py); the page writes nothing.
"""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.monitoring.disclosure import safe_view
from groepsconsult.monitoring.equity import equity_breakdowns
from groepsconsult.monitoring.forms import DashboardFilterForm
from groepsconsult.monitoring.selectors import aggregate_regions_for_user


@require_GET
@require_permission(Permission.AGGREGATE_VIEW)
def equity(request):
    form = DashboardFilterForm(request.GET or None, region=request.membership.region)
    regions = aggregate_regions_for_user(user=request.user)
    filters, scope = safe_view(
        form=form,
        region=request.membership.region,
        regions=regions,
        combined=request.GET.get("combined") == "1",
    )
    indicators, breakdowns = equity_breakdowns(region=scope, filters=filters)
    combined = scope is regions
    context = {
        "form": form,
        "indicators": indicators,
        "breakdowns": breakdowns,
        "combined": combined,
        "regions": regions,
        "exports": [("equity", _("Equity (CSV)"))],
        "xlsx_exports": [("equity", _("Equity (XLSX)"))],
    }
    return render(request, "monitoring/equity.html", context)
