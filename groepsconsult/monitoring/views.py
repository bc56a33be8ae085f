"""Plenary summary: the anonymous group overview the GP shows on the projector.

PLENARY_VIEW, then the session through a region-scoped selector (404 outside the region).
Only counts are shown (no personal data), so no access-log row is written.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.consultations.selectors import (
    consultation_get_for_user,
    consultation_recent_list,
)
from groepsconsult.monitoring.selectors import plenary_summary


@require_permission(Permission.PLENARY_VIEW)
@require_GET
def plenary_list(request):
    consultations = consultation_recent_list(region=request.membership.region)
    return render(request, "monitoring/plenary_list.html", {"consultations": consultations})


@require_permission(Permission.PLENARY_VIEW)
@require_GET
def plenary_detail(request, consultation_id):
    consultation = consultation_get_for_user(
        membership=request.membership, public_id=consultation_id, readiness=False
    )
    context = {"consultation": consultation, **plenary_summary(consultation=consultation)}
    return render(request, "monitoring/plenary.html", context)
