"""Coordinator pages: the session index, the registration list, cancelling, and the flyer.

Who may use them: CONSULTATION_VIEW (index, flyer), PARTICIPANT_LIST (list),
REGISTRATION_CREATE (cancel).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.registrations import policies, selectors, services
from groepsconsult.registrations.flyer import flyer_pdf, public_registration_url
from groepsconsult.registrations.views.access import staff_view

PURPOSE = services.PURPOSE_RECRUITMENT


@require_GET
@staff_view(Permission.CONSULTATION_VIEW)
def session_index(request):
    consultations = selectors.consultation_upcoming_for_region(region=request.membership.region)
    return render(request, "registrations/session_index.html", {"consultations": consultations})


@require_GET
@staff_view(Permission.PARTICIPANT_LIST)
def registration_list(request, public_id):
    consultation = consultation_get_for_user(membership=request.membership, public_id=public_id)
    registrations = selectors.registration_list_for_consultation(
        membership=request.membership,
        consultation=consultation,
        by=Actor.from_request(request),
        purpose=PURPOSE,
    )
    context = {
        "consultation": consultation,
        "registrations": registrations,
        "counts": selectors.attendance_counts(consultation=consultation),
        "public_url": public_registration_url(consultation),
        "can_cancel": request.membership.has_permission(Permission.REGISTRATION_CREATE),
        "can_register": policies.can_staff_register(consultation),
    }
    return render(request, "registrations/registration_list.html", context)


@require_POST
@staff_view(Permission.REGISTRATION_CREATE)
def registration_cancel(request, public_id):
    by = Actor.from_request(request)
    registration = selectors.registration_get_for_user(
        membership=request.membership, by=by, public_id=public_id, purpose=PURPOSE
    )
    try:
        services.registration_cancel(registration=registration, by=by)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The registration of %(name)s is cancelled.")
            % {"name": registration.participant.full_name},
        )
    return redirect(
        "registrations:registration-list", public_id=registration.consultation.public_id
    )


@require_GET
@staff_view(Permission.CONSULTATION_VIEW)
def flyer(request, public_id):
    consultation = consultation_get_for_user(membership=request.membership, public_id=public_id)
    pdf = flyer_pdf(consultation=consultation, paper=request.GET.get("paper", "A4"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="flyer-{consultation.starts_at:%Y-%m-%d}.pdf"'
    )
    return response
