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
from groepsconsult.consent.selectors import with_gp_consent_status
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.core.http import form_add_validation_error, uuid_or_404
from groepsconsult.participants.selectors import participant_get_for_user, participant_match_list
from groepsconsult.registrations import policies, selectors, services
from groepsconsult.registrations.forms import AttendanceForm, WalkInForm
from groepsconsult.registrations.services.attendance import PURPOSE_DOOR
from groepsconsult.registrations.views.access import staff_view

COUNT_CHANGED = "attendance-changed"


def _door_page(request, consultation, walk_in_form, status=200, matches=()):
    registrations = selectors.registration_list_for_consultation(
        membership=request.membership,
        consultation=consultation,
        by=Actor.from_request(request),
        purpose=PURPOSE_DOOR,
        include_cancelled=False,
    )
    with_gp_consent_status(registrations)
    context = {
        "consultation": consultation,
        "registrations": registrations,
        "counts": selectors.attendance_counts(consultation=consultation),
        "walk_in_form": walk_in_form,
        "matches": matches,
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
        with_gp_consent_status([registration])
        response = render(
            request,
            "registrations/_door_row.html",
            {
                "registration": registration,
                "consultation": registration.consultation,
                "error": error,
                "can_record": True,
            },
        )
        response["HX-Trigger"] = COUNT_CHANGED
        return response
    if error:
        messages.error(request, error)
    return redirect("registrations:door", public_id=registration.consultation.public_id)


@require_POST
@staff_view(Permission.ATTENDANCE_RECORD)
def walk_in(request, public_id):
    """Register a walk-in. Someone who may be known already is asked about first: "Bedoelt u
    ...?" lists the matches; "existing" picks one, "confirm_new" makes a new record anyway."""
    consultation = _consultation(request, public_id)
    form = WalkInForm(request.POST)
    if not form.is_valid():
        return _door_page(request, consultation, form)
    by = Actor.from_request(request)
    matches = []
    try:
        if request.POST.get("existing"):
            participant = participant_get_for_user(
                membership=request.membership,
                by=by,
                public_id=uuid_or_404(request.POST["existing"]),
                purpose=PURPOSE_DOOR,
            )
            registration = services.registration_walk_in_existing(
                consultation=consultation, participant=participant, by=by
            )
        else:
            if not request.POST.get("confirm_new"):
                matches = participant_match_list(
                    membership=request.membership,
                    by=by,
                    family_name=form.cleaned_data["family_name"],
                    date_of_birth=form.cleaned_data["date_of_birth"],
                    phone=form.cleaned_data.get("phone", ""),
                    purpose=PURPOSE_DOOR,
                )
            if matches:
                return _door_page(request, consultation, form, matches=matches)
            registration = services.registration_walk_in(
                consultation=consultation, participant=form.save(commit=False), by=by
            )
    except ValidationError as exc:
        form_add_validation_error(form, exc)
        return _door_page(request, consultation, form)
    messages.success(
        request,
        _("%(name)s is registered and present, with number %(number)s.")
        % {"name": registration.participant.full_name, "number": registration.day_number},
    )
    return redirect("registrations:door", public_id=consultation.public_id)
