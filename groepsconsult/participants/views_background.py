"""The optional background questions of the equity view, asked at the first session.

PARTICIPANT_CHANGE (coordinator, physician, professional at a station). Opening the form reads
the participant (logged); saving goes through `participant_background_save` (audited).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.purposes import Purpose
from groepsconsult.audit.services import Actor
from groepsconsult.participants import selectors, services
from groepsconsult.participants.forms import ParticipantBackgroundForm


@require_permission(Permission.PARTICIPANT_CHANGE)
def participant_background(request, public_id):
    by = Actor.from_request(request)
    participant = selectors.participant_get_for_user(
        membership=request.membership, by=by, public_id=public_id, purpose=Purpose.CARE
    )
    background = selectors.participant_background_get(participant=participant)
    data = request.POST if request.method == "POST" else None
    form = ParticipantBackgroundForm(data, instance=background)
    if request.method == "POST" and form.is_valid():
        services.participant_background_save(
            background=form.save(commit=False), by=by, purpose=Purpose.CARE
        )
        messages.success(request, _("Saved."))
        return redirect("participants:participant-detail", public_id=participant.public_id)
    context = {"form": form, "participant": participant}
    return render(request, "participants/participant_background.html", context)
