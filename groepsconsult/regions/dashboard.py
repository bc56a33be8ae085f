"""The landing page: the active region at a glance.

Who may use it: any logged-in user; each block shows only what the role may see.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from groepsconsult.accounts.permissions import Permission
from groepsconsult.core.navigation import dashboard_panels_for
from groepsconsult.regions.selectors import region_counts


@login_required
def dashboard(request):
    membership = request.membership
    context = {"now": timezone.now()}
    if membership and membership.has_permission(Permission.REGION_VIEW):
        context["counts"] = region_counts(region=membership.region)
    if membership:
        context["panels"] = dashboard_panels_for(request)
    return render(request, "regions/dashboard.html", context)
