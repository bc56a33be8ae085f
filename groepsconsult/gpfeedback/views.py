"""GP feedback: the practice portal (list, download letter and FHIR bundle, acknowledge) and the
team's page to prepare feedback for a held session.

Each download is a read of personal data and is written to the access log (EXPORT).
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.selectors import (
    consultation_get_for_user,
    consultation_list_for_region,
)
from groepsconsult.core.http import form_add_validation_error
from groepsconsult.gpfeedback import selectors, services
from groepsconsult.gpfeedback.forms import ReferralForm
from groepsconsult.gpfeedback.letter import letter_pdf


@require_permission(Permission.GP_FEEDBACK_VIEW)
def feedback_list(request):
    rows = selectors.gp_feedback_list_for_user(
        membership=request.membership, by=Actor.from_request(request)
    )
    can_prepare = request.membership.has_permission(Permission.GP_FEEDBACK_PREPARE)
    sessions = (
        consultation_list_for_region(region=request.membership.region, when="past")[:30]
        if can_prepare
        else []
    )
    context = {
        "feedback": rows,
        "sessions": sessions,
        "can_refer": request.membership.has_permission(Permission.GP_REFER),
    }
    return render(request, "gpfeedback/feedback_list.html", context)


def _download(request, public_id):
    return selectors.gp_feedback_get_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        public_id=public_id,
        action=AccessEvent.Action.EXPORT,
    )


@require_permission(Permission.GP_FEEDBACK_VIEW)
def feedback_letter(request, public_id):
    feedback = _download(request, public_id)
    response = HttpResponse(letter_pdf(feedback.letter_html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{feedback.public_id}.pdf"'
    return response


@require_permission(Permission.GP_FEEDBACK_VIEW)
def feedback_bundle(request, public_id):
    feedback = _download(request, public_id)
    response = HttpResponse(
        json.dumps(feedback.bundle, indent=2), content_type="application/fhir+json"
    )
    response["Content-Disposition"] = f'attachment; filename="{feedback.public_id}.json"'
    return response


@require_POST
@require_permission(Permission.GP_FEEDBACK_VIEW)
def feedback_acknowledge(request, public_id):
    by = Actor.from_request(request)
    feedback = selectors.gp_feedback_get_for_user(
        membership=request.membership, by=by, public_id=public_id
    )
    services.gp_feedback_acknowledge(feedback=feedback, by=by)
    messages.success(request, _("Marked as received."))
    return redirect("gpfeedback:feedback-list")


@require_POST
@require_permission(Permission.GP_FEEDBACK_PREPARE)
def feedback_prepare(request, consultation):
    session = consultation_get_for_user(membership=request.membership, public_id=consultation)
    counts = services.gp_feedback_prepare_for_consultation(
        consultation=session, by=Actor.from_request(request)
    )
    messages.success(
        request,
        _(
            "Feedback prepared for %(prepared)s participants; %(left_out)s left out (no consent or no GP practice)."
        )
        % counts,
    )
    return redirect("gpfeedback:feedback-list")


def _own_practice(request):
    """Referring is done by a practice, for itself: a user not tied to a GP practice cannot."""
    practice = request.membership.organisation
    if practice is None or practice.kind != "gp_practice":
        raise PermissionDenied(_("Only a user of a GP practice can refer from the portal."))
    return practice


@require_permission(Permission.GP_REFER)
def referral_list(request):
    _own_practice(request)
    page = selectors.practice_referral_page_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        page_number=request.GET.get("page") or 1,
    )
    return render(request, "gpfeedback/referral_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@require_permission(Permission.GP_REFER)
def referral_new(request):
    practice = _own_practice(request)
    sessions = selectors.referral_session_choices(region=request.membership.region)
    form = ReferralForm(request.POST or None, sessions=sessions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.gp_referral_create(
                practice=practice,
                person=form.save(commit=False),
                consultation=data["consultation"],
                reason=data["reason"],
                by=Actor.from_request(request),
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The patient is registered for the session."))
            return redirect("gpfeedback:referral-list")
    return render(request, "gpfeedback/referral_new.html", {"form": form})
