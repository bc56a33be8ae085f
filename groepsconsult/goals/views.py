"""Record and revise a participant's personal goal at the individual talk.

GOAL_EDIT, then a region-scoped fetch of the registration (404 outside the region), then the
state rule (a cancelled registration takes no goal). Reading the page is logged.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.goals import selectors, services
from groepsconsult.goals.forms import GoalForm
from groepsconsult.goals.models import Goal
from groepsconsult.registrations import policies as registration_policies
from groepsconsult.registrations import selectors as registration_selectors
from groepsconsult.registrations.picking import pick_registration
from groepsconsult.trajectories.selectors import trajectory_for_registration


@require_http_methods(["GET", "POST"])
@require_permission(Permission.GOAL_EDIT)
def goal_start(request):
    """Choose the session and the participant by day number, like at the welfare table."""
    pick = pick_registration(request)
    if pick.registration:
        return redirect("goals:goal-edit", registration=pick.registration.public_id)
    return render(request, "goals/start.html", pick.context())


@require_http_methods(["GET", "POST"])
@require_permission(Permission.GOAL_EDIT)
def goal_edit(request, registration):
    actor = Actor.from_request(request)
    reg = registration_selectors.registration_get_for_user(
        membership=request.membership,
        by=actor,
        public_id=registration,
        purpose=Purpose.PERSONAL_GOAL,
    )
    registration_policies.check_can_fill_for_registration(reg)
    trajectory = trajectory_for_registration(registration=reg)
    if trajectory is None:
        raise Http404("No trajectory for this participant.")
    history = selectors.goal_history_for_trajectory(trajectory=trajectory)
    current = history[0] if history else None
    access_log_write(
        by=actor,
        action=AccessEvent.Action.VIEW,
        subject_type="goal",
        subject_ids=[g.public_id for g in history][:1],
        participant_ids=[reg.participant.public_id],
        purpose=Purpose.PERSONAL_GOAL,
    )
    professionals = selectors.professional_choices_for_goal(region=request.membership.region)
    initial = {} if current else {"professional": request.membership.professional_id}
    form = GoalForm(
        request.POST or None,
        instance=_form_instance(current),
        initial=initial,
        professionals=professionals,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.goal_record(
                trajectory=trajectory,
                consultation=reg.consultation,
                values=form.cleaned_data,
                previous=_previous(request, history),
                by=actor,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The goal is saved."))
            return redirect("goals:goal-edit", registration=reg.public_id)
    context = {
        "registration": reg,
        "participant": reg.participant,
        "form": form,
        "current": current,
        "history": history,
        "is_return": reg.consultation.kind == "return",
        "can_hand_over": request.membership.has_permission(Permission.HANDOVER_MANAGE),
    }
    return render(request, "goals/goal_edit.html", context)


def _form_instance(current):
    """An unsaved copy of the current goal, so the form starts from it but never edits it."""
    if current is None:
        return Goal()
    return Goal(**{f: getattr(current, f) for f in services.GOAL_FIELDS})


def _previous(request, history):
    """The version the user had on screen (hidden field), to catch a concurrent edit."""
    seen = request.POST.get("previous", "")
    for goal in history:
        if str(goal.public_id) == seen:
            return goal
    return None
