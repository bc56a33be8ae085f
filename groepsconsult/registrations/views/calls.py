"""The GP call list's "registered" button: a place in the intended session (see
services/call_list.py). The other outcomes stay with the call list in participants."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.participants.gp_import.selectors import call_entry_get
from groepsconsult.participants.models import CallListEntry
from groepsconsult.registrations import services
from groepsconsult.registrations.views.access import staff_view


@staff_view(Permission.GP_IMPORT)
@require_POST
def call_register(request, public_id):
    by = Actor.from_request(request)
    entry = call_entry_get(region=request.membership.region, public_id=public_id, by=by)
    error = ""
    try:
        entry = services.registration_from_call(
            entry=entry, note=request.POST.get("note", "")[:200], by=by
        )
    except ValidationError as exc:
        error = exc.messages[0]
    if request.htmx:
        context = {"entry": entry, "outcomes": CallListEntry.Outcome.choices, "error": error}
        response = render(request, "participants/call_list_row.html", context)
        if not error:
            response["HX-Trigger"] = "callOutcomeChanged"  # the counts above refresh themselves
        return response
    if error:
        messages.error(request, error)
    return redirect("gp_import:call-list", public_id=entry.batch.public_id)
