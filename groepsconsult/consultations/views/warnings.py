"""Live warnings while planning: what the session's warnings would be with the form as filled in.

Who may use them: CONSULTATION_MANAGE (the forms they serve). GET only and nothing is saved: the
form is bound to the query string and validated, the unsaved session or booking is checked by
plan_warnings.session_warnings and the warnings partial is returned for htmx to swap in.
"""

import datetime as dt

from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.views.decorators.http import require_GET

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.consultations import selectors
from groepsconsult.consultations.forms import AssignmentForm, ConsultationForm
from groepsconsult.consultations.models import Consultation, RosterAssignment
from groepsconsult.consultations.plan_warnings import session_warnings
from groepsconsult.consultations.views._common import get_consultation


def _render(request, consultation, assignments):
    context = {
        "warnings": session_warnings(consultation=consultation, assignments=assignments),
        "preview": True,
    }
    return render(request, "consultations/_warnings.html", context)


def _date_only(request, consultation):
    """While only the date is filled in (no time yet), still check the day."""
    try:
        day = parse_date(request.GET.get("starts_at_0", ""))
    except ValueError:
        day = None
    if day is not None:
        consultation.starts_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


@require_GET
@require_permission(Permission.CONSULTATION_MANAGE)
def consultation_warnings(request, public_id=None):
    region = request.membership.region
    if public_id is None:
        consultation, assignments = Consultation(region=region), []
    else:
        consultation = get_consultation(request, public_id)
        assignments = selectors.roster_for_consultation(consultation=consultation)[2]
    form = ConsultationForm(request.GET, instance=consultation, region=region)
    form.is_valid()  # fills the unsaved instance with every valid field; nothing is saved
    if "starts_at" not in form.cleaned_data:
        _date_only(request, consultation)
    return _render(request, consultation, assignments)


@require_GET
@require_permission(Permission.CONSULTATION_MANAGE)
def roster_warnings(request, public_id):
    consultation = get_consultation(request, public_id)
    assignments = selectors.roster_for_consultation(consultation=consultation)[2]
    form = AssignmentForm(request.GET, consultation=consultation)
    form.is_valid()
    professional = form.cleaned_data.get("professional")
    if professional is not None:
        booking = RosterAssignment(
            consultation=consultation,
            professional=professional,
            role=form.cleaned_data.get("role") or RosterAssignment.Role.STATION,
        )
        assignments = [*assignments, booking]
    return _render(request, consultation, assignments)
