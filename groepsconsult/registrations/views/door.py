"""The door tally on a tablet: tick people present or absent, live count, walk-ins.

Who may use them: ATTENDANCE_RECORD (host; administrator). Ticking is an htmx POST that swaps
one row; without JavaScript the same POST redirects back to the list.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.registrations import policies, selectors, services
from groepsconsult.registrations.forms import AttendanceForm, WalkInForm
from groepsconsult.registrations.services.attendance import PURPOSE_DOOR
from groepsconsult.registrations.views.access import add_service_errors, staff_view

COUNT_CHANGED = "attendance-changed"


def _door_page(request, consultation, walk_in_form, status=200):
    registrations = selectors.registration_list_for_consultation(
        membership=request.membership,
        consultation=consultation,
        by=Actor.from_request(request),
        purpose=PURPOSE_DOOR,
        include_cancelled=False,
    )
    context = {
        "consultation": consultation,
        "registrations": registrations,
        "counts": selectors.attendance_counts(consultation=consultation),
        "walk_in_form": walk_in_form,
        "can_record": policies.can_record_attendance(consultation),
    }
    return render(request, "registrations/door.html", context, status=status)


def _consultation(request, public_id):
    return consultation_get_for_user(membership=request.membership, public_id=public_id)


@require_GET
@staff_view(Permission.ATTENDANCE_RECORD)
def door(request, public_id):
    return _door_page(request, _consultation(request, public_id), WalkInForm())


@require_GET
@staff_view(Permission.ATTENDANCE_RECORD)
def door_count(request, public_id):
    """Polled every few seconds by each tablet: counts only, no personal data, nothing logged."""
    consultation = _consultation(request, public_id)
    return render(
        request,
        "registrations/_door_count.html",
        {
            "consultation": consultation,
            "counts": selectors.attendance_counts(consultation=consultation),
        },
    )


@require_POST
@staff_view(Permission.ATTENDANCE_RECORD)
def attendance_mark(request, public_id):
    by = Actor.from_request(request)
    registration = selectors.registration_get_for_user(
        membership=request.membership, by=by, public_id=public_id, purpose=PURPOSE_DOOR
    )
    form = AttendanceForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.attendance_mark(
                registration=registration, attendance=form.cleaned_data["attendance"], by=by
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = _("Choose present or absent.")
    if request.htmx:
        response = render(
            request,
            "registrations/_door_row.html",
            {"registration": registration, "error": error, "can_record": True},
        )
        response["HX-Trigger"] = COUNT_CHANGED
        return response
    if error:
        messages.error(request, error)
    return redirect("registrations:door", public_id=registration.consultation.public_id)


@require_POST
@staff_view(Permission.ATTENDANCE_RECORD)
def walk_in(request, public_id):
    consultation = _consultation(request, public_id)
    form = WalkInForm(request.POST)
    if form.is_valid():
        try:
            registration = services.registration_walk_in(
                consultation=consultation,
                participant=form.save(commit=False),
                by=Actor.from_request(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s is registered and present, with number %(number)s.")
                % {"name": registration.participant.full_name, "number": registration.day_number},
            )
            return redirect("registrations:door", public_id=consultation.public_id)
    return _door_page(request, consultation, form, status=200)
