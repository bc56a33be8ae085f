"""The landing page: the active region at a glance.

Who may use it: any logged-in user; each block shows only what the role may see.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groepsconsult.accounts.permissions import Permission, Role
from groepsconsult.core.navigation import dashboard_panels_for
from groepsconsult.regions.selectors import region_counts

# Roles whose day has no page yet: their landing page says plainly what is coming, so nobody
# logs in to an empty screen and wonders whether something is broken.
COMING_FOR_ROLE = {
    Role.HEALTH_CHAMPION: _(
        "Coming soon: your list of participants to phone after a session, with their "
        "questions and goals. Until then the coordinator sends you the list."
    ),
    Role.GP_PRACTICE: _(
        "Coming soon: the results of your patients who agreed to share them, as a letter and "
        "in your information system. Until then the coordinator sends them to you."
    ),
    Role.FUNDER: _(
        "Coming soon: anonymous figures per neighbourhood and the costs per participant. Until "
        "then the coordinator sends you the quarterly report."
    ),
    Role.RESEARCHER: _(
        "Coming soon: the pseudonymised research export. Until then ask the coordinator."
    ),
}


@login_required
def dashboard(request):
    membership = request.membership
    context = {"now": timezone.now(), "today": timezone.localdate()}
    if membership and membership.has_permission(Permission.REGION_VIEW):
        context["counts"] = region_counts(region=membership.region)
    if membership:
        # The day's work first (door, station, alarms), then the planning panels.
        panels = dashboard_panels_for(request)
        context["panels"] = sorted(panels, key=lambda panel: not panel.get("today"))
        context["coming"] = COMING_FOR_ROLE.get(membership.role, "")
    return render(request, "regions/dashboard.html", context)
