"""Reminders for coordinators: outcomes per consultation, and a participant's opt-outs.

Who may use them: CONSULTATION_MANAGE for the outcome pages, PARTICIPANT_CHANGE for opt-outs.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.models import Consultation
from groepsconsult.core.http import safe_next
from groepsconsult.notifications import selectors, services
from groepsconsult.notifications.forms import ContactPreferenceForm
from groepsconsult.participants.selectors import participant_get_for_user
from groepsconsult.regions.selectors import region_object_get

PURPOSE = Purpose.REMINDER


@require_permission(Permission.CONSULTATION_MANAGE)
def consultation_message_list(request):
    page = selectors.consultation_message_summary(
        region=request.membership.region, page_number=request.GET.get("page")
    )
    return render(request, "notifications/consultation_list.html", {"page": page})


@require_permission(Permission.CONSULTATION_MANAGE)
def consultation_message_detail(request, public_id):
    consultation = region_object_get(
        model=Consultation, region=request.membership.region, public_id=public_id
    )
    registrations = selectors.registration_messages_for_consultation(
        consultation=consultation, by=Actor.from_request(request), purpose=PURPOSE
    )
    context = {"consultation": consultation, "registrations": registrations}
    return render(request, "notifications/consultation_detail.html", context)


@require_permission(Permission.PARTICIPANT_CHANGE)
def contact_preference_edit(request, public_id):
    by = Actor.from_request(request)
    participant = participant_get_for_user(
        membership=request.membership, by=by, public_id=public_id, purpose=PURPOSE
    )
    preference = selectors.contact_preference_for(participant=participant)
    form = ContactPreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_preference_set(
                participant=participant,
                sms_opt_out=form.cleaned_data["sms_opt_out"],
                email_opt_out=form.cleaned_data["email_opt_out"],
                by=by,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(safe_next(request, request.path))
    context = {
        "participant": participant,
        "form": form,
        "preference": preference,
        "next": safe_next(request, ""),
    }
    return render(request, "notifications/contact_preference_form.html", context)
