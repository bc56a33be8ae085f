"""Participant list, record, registration and edit.

Who may use them: PARTICIPANT_LIST (list), PARTICIPANT_VIEW (record), PARTICIPANT_CHANGE (add/edit),
PARTICIPANT_MERGE (merge two records of one person: administrator).
The search term is posted and kept in the session, never put in the URL: names are personal data.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import uuid_or_404, uuid_or_none
from groepsconsult.participants import selectors, services
from groepsconsult.participants.forms import (
    ParticipantCreateForm,
    ParticipantForm,
    ParticipantSearchForm,
)
from groepsconsult.regions.selectors import neighbourhood_list
from groepsconsult.trajectories.timeline import trajectory_timeline

SEARCH_SESSION_KEY = "participant_search"
PURPOSE_CARE = Purpose.CARE


@require_permission(Permission.PARTICIPANT_LIST)
def participant_list(request):
    if request.method == "POST":
        form = ParticipantSearchForm(request.POST)
        request.session[SEARCH_SESSION_KEY] = form.cleaned_data["q"] if form.is_valid() else ""
        return redirect("participants:participant-list")
    q = request.session.get(SEARCH_SESSION_KEY, "")
    neighbourhood = uuid_or_none(request.GET.get("neighbourhood"))
    page = selectors.participant_page_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        page_number=request.GET.get("page"),
        q=q,
        neighbourhood=neighbourhood,
        purpose=PURPOSE_CARE,
    )
    context = {
        "page": page,
        "search_form": ParticipantSearchForm(initial={"q": q}),
        "q": q,
        "neighbourhoods": neighbourhood_list(region=request.membership.region),
        "neighbourhood": str(neighbourhood or ""),
    }
    return render(request, "participants/participant_list.html", context)


@require_permission(Permission.PARTICIPANT_VIEW)
def participant_detail(request, public_id):
    participant = selectors.participant_get_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        public_id=public_id,
        purpose=PURPOSE_CARE,
    )
    context = {
        "participant": participant,
        "timeline": trajectory_timeline(membership=request.membership, participant=participant),
        "show_bsn": request.membership.has_permission(Permission.PARTICIPANT_CHANGE),
    }
    return render(request, "participants/participant_detail.html", context)


def _save(request, form, save):
    if request.method == "POST" and form.is_valid():
        try:
            participant = save(form.save(commit=False))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("participants:participant-detail", public_id=participant.public_id)
    return None


@require_permission(Permission.PARTICIPANT_CHANGE)
def participant_create(request):
    region = request.membership.region
    form = ParticipantCreateForm(request.POST or None, region=region)
    response = _save(
        request,
        form,
        lambda p: services.participant_register_once(
            participant=p, region=region, by=Actor.from_request(request), purpose=PURPOSE_CARE
        ),
    )
    return response or render(request, "participants/participant_form.html", {"form": form})


@require_permission(Permission.PARTICIPANT_CHANGE)
def participant_edit(request, public_id):
    by = Actor.from_request(request)
    participant = selectors.participant_get_for_user(
        membership=request.membership, by=by, public_id=public_id, purpose=PURPOSE_CARE
    )
    form = ParticipantForm(
        request.POST or None, instance=participant, region=request.membership.region
    )
    response = _save(
        request,
        form,
        lambda p: services.participant_update(
            participant=p, by=by, purpose=PURPOSE_CARE, expected_version=form.expected_version
        ),
    )
    return response or render(
        request, "participants/participant_form.html", {"form": form, "participant": participant}
    )


@require_permission(Permission.PARTICIPANT_MERGE)
def participant_merge(request, public_id):
    """GET: records that may be the same person. POST duplicate=<id>: merge it into this one."""
    by = Actor.from_request(request)
    membership = request.membership
    keep = selectors.participant_get_for_user(
        membership=membership, by=by, public_id=public_id, purpose=services.PURPOSE_MERGE
    )
    if request.method == "POST":
        duplicate = selectors.participant_get_for_user(
            membership=membership,
            by=by,
            public_id=uuid_or_404(request.POST.get("duplicate", "")),
            purpose=services.PURPOSE_MERGE,
        )
        try:
            services.participant_merge(keep=keep, duplicate=duplicate, by=by)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The records are merged; the history is kept."))
            return redirect("participants:participant-detail", public_id=keep.public_id)
    candidates = [
        person
        for person in selectors.participant_match_list(
            membership=membership,
            by=by,
            family_name=keep.family_name,
            date_of_birth=keep.date_of_birth,
            phone=keep.phone,
            purpose=services.PURPOSE_MERGE,
        )
        if person.pk != keep.pk
    ]
    context = {"participant": keep, "candidates": candidates}
    return render(request, "participants/participant_merge.html", context)
