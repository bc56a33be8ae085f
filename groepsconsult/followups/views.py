"""The follow-up call worklist and one call: who to phone, in their language, and what came of it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.consent.selectors import consent_current_for_participant
from groepsconsult.consultations.selectors import (
    consultation_get_for_user,
)
from groepsconsult.core.http import form_add_validation_error, paginate, uuid_or_none
from groepsconsult.followups import closeout, selectors, services
from groepsconsult.followups.forms import AttemptForm, DebriefForm, StoryForm
from groepsconsult.regions.selectors import neighbourhood_list
from groepsconsult.registrations.selectors import registration_get_for_user


def _registration_to_call(request, public_id, by):
    """The registration, read (and logged) only if its participant agreed to be contacted."""
    return registration_get_for_user(
        membership=request.membership,
        public_id=public_id,
        by=by,
        purpose=selectors.PURPOSE,
        only_if=selectors.contact_consent_exists(),
    )


@require_permission(Permission.FOLLOWUP_CALL)
def worklist(request):
    """One page of open calls, due first (a fixed number of queries whatever the region)."""
    rows = selectors.worklist_queryset(membership=request.membership, today=timezone.localdate())
    page = paginate(request, rows)
    page.object_list = selectors.worklist_items(rows=page, by=Actor.from_request(request))
    context = {
        "page": page,
        "items": page.object_list,
        "rates": selectors.reached_rate_by_caller(region=request.membership.region),
    }
    return render(request, "followups/worklist.html", context)


@require_permission(Permission.SIGNAL_VIEW)
def review_list(request):
    """The printable agenda of the periodic interdisciplinary meeting, per neighbourhood."""
    membership = request.membership
    neighbourhood = uuid_or_none(request.GET.get("neighbourhood"))
    participants = selectors.review_queryset(membership=membership, neighbourhood=neighbourhood)
    page = paginate(request, participants, per_page=selectors.REVIEW_PAGE_SIZE)
    page.object_list = selectors.review_rows(
        membership=membership, by=Actor.from_request(request), participants=page
    )
    context = {
        "page": page,
        "rows": page.object_list,
        "today": timezone.localdate(),
        "neighbourhoods": neighbourhood_list(region=membership.region),
        "neighbourhood": str(neighbourhood or ""),
    }
    return render(request, "followups/review_list.html", context)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.FOLLOWUP_CALL)
def call(request, registration):
    by = Actor.from_request(request)
    reg = _registration_to_call(request, registration, by)
    form = AttemptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        short = selectors.short_lines_for(reg)
        try:
            services.followup_attempt_record(
                registration=reg,
                values=form.cleaned_data,
                short_lines=short,
                by=by,
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The call is saved."))
            return redirect("followups:worklist")
    context = {
        "registration": reg,
        "form": form,
        "attempts": selectors.attempt_list(registration=reg),
    }
    return render(request, "followups/call.html", context)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.CONSULTATION_MANAGE)
def session_closeout(request, consultation):
    """After the session: the team's debrief and the checklist of loose ends."""
    by = Actor.from_request(request)
    session = consultation_get_for_user(membership=request.membership, public_id=consultation)
    debrief = closeout.debrief_get(consultation=session)
    form = DebriefForm(request.POST or None, instance=debrief)
    if request.method == "POST" and form.is_valid():
        closeout.debrief_record(consultation=session, values=form.cleaned_data, by=by)
        messages.success(request, _("The debrief is saved."))
        return redirect("followups:session-closeout", consultation=session.public_id)
    context = {
        "consultation": session,
        "form": form,
        "checklist": closeout.closeout_checklist(
            membership=request.membership, by=by, consultation=session
        ),
    }
    return render(request, "followups/closeout.html", context)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.STORY_RECORD)
def story_create(request, registration):
    """Write down what the participant said, for the funder report (with their consent)."""
    by = Actor.from_request(request)
    reg = _registration_to_call(request, registration, by)
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.story_record(
                participant=reg.participant, text=form.cleaned_data["text"], by=by
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(request, _("The story is saved."))
            return redirect("followups:story-list")
    consent = consent_current_for_participant(reg.participant)[ConsentPurpose.SHARE_STORY]
    context = {"registration": reg, "form": form, "consent": consent}
    return render(request, "followups/story_form.html", context)


@require_permission(Permission.STORY_RECORD)
def story_list(request):
    """The region's stories, and whether each may be shown in the funder report now."""
    page = paginate(request, selectors.story_list_for_user(membership=request.membership))
    selectors.story_list_log(stories=list(page), by=Actor.from_request(request))
    return render(request, "followups/story_list.html", {"page": page})
