"""A professional registers someone for a session: an existing participant or a new one.

Who may use them: REGISTRATION_CREATE. The name search is POSTed, never put in the URL.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.core.http import form_add_validation_error
from groepsconsult.participants.forms import ParticipantForm
from groepsconsult.participants.selectors import participant_get_for_user, participant_match_list
from groepsconsult.registrations import policies, selectors, services
from groepsconsult.registrations.forms import (
    ChannelForm,
    ParticipantSearchForm,
    PickParticipantForm,
)
from groepsconsult.registrations.views.access import staff_view

PURPOSE = services.PURPOSE_RECRUITMENT


def _channel_form(request, data=None):
    membership = request.membership
    return ChannelForm(
        data,
        professionals=selectors.professional_list_for_region(region=membership.region),
        initial={"referred_by": membership.professional_id},
        prefix="route",
    )


def _consultation(request, public_id):
    return consultation_get_for_user(membership=request.membership, public_id=public_id)


def _create(request, consultation, participant, channel_form, error_form):
    """Call the service; on success a message and the list, else the error on `error_form`."""
    data = channel_form.cleaned_data
    try:
        registration = services.registration_create(
            consultation=consultation,
            participant=participant,
            channel=data["channel"],
            by=Actor.from_request(request),
            referred_by=data["referred_by"],
            referral_reason=data["referral_reason"],
            community_contact=data["community_contact"],
        )
    except ValidationError as exc:
        form_add_validation_error(error_form, exc)
        return None
    messages.success(
        request,
        _("%(name)s is registered for this session.")
        % {"name": registration.participant.full_name},
    )
    if request.membership.has_permission(Permission.PARTICIPANT_LIST):
        return redirect("registrations:registration-list", public_id=consultation.public_id)
    return redirect("registrations:session-index")


@staff_view(Permission.REGISTRATION_CREATE)
def registration_create(request, public_id):
    """Step 1: search (POST action=search); step 2: pick a result and the route (action=pick)."""
    consultation = _consultation(request, public_id)
    by = Actor.from_request(request)
    search_form = ParticipantSearchForm(request.POST if "q" in request.POST else None)
    pick_form = PickParticipantForm(request.POST if request.POST.get("action") == "pick" else None)
    channel_form = _channel_form(request, request.POST if pick_form.is_bound else None)
    results = []
    if search_form.is_bound and search_form.is_valid():
        results = selectors.participant_search_for_registration(
            membership=request.membership, by=by, q=search_form.cleaned_data["q"], purpose=PURPOSE
        )
    if pick_form.is_bound and pick_form.is_valid():
        participant = participant_get_for_user(
            membership=request.membership,
            by=by,
            public_id=pick_form.cleaned_data["participant"],
            purpose=PURPOSE,
        )
        if channel_form.is_valid():
            response = _create(request, consultation, participant, channel_form, channel_form)
            if response:
                return response
        results = [participant]
    context = {
        "consultation": consultation,
        "search_form": search_form,
        "channel_form": channel_form,
        "pick_form": pick_form,
        "results": results,
        "searched": search_form.is_bound,
        "can_register": policies.can_staff_register(consultation),
    }
    return render(request, "registrations/registration_create.html", context)


@staff_view(Permission.REGISTRATION_CREATE)
def registration_create_new(request, public_id):
    consultation = _consultation(request, public_id)
    region = request.membership.region
    data = request.POST if request.method == "POST" else None
    form = ParticipantForm(data, region=region)
    channel_form = _channel_form(request, data)
    matches = []
    if data is not None and form.is_valid() and channel_form.is_valid():
        if not data.get("confirm_new"):
            # "Bedoelt u ...?": a known person is picked instead of getting a second record.
            matches = participant_match_list(
                membership=request.membership,
                by=Actor.from_request(request),
                family_name=form.cleaned_data["family_name"],
                date_of_birth=form.cleaned_data["date_of_birth"],
                phone=form.cleaned_data.get("phone", ""),
                purpose=PURPOSE,
            )
        response = None
        if not matches:
            response = _create(request, consultation, form.save(commit=False), channel_form, form)
        if response:
            return response
    context = {
        "consultation": consultation,
        "form": form,
        "matches": matches,
        "channel_form": channel_form,
        "can_register": policies.can_staff_register(consultation),
    }
    return render(request, "registrations/registration_create_new.html", context)
