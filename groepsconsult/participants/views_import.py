"""GP selection import: upload and check (dry run), confirm (all or nothing), and the call list.

Who may use them: GP_IMPORT, in the active region only. The checked file waits server-side in
its ImportBatch, addressed by an opaque UUID; names never appear in a URL.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import paginate, render_page
from groepsconsult.participants.forms_import import CallOutcomeForm, GpFileUploadForm
from groepsconsult.participants.gp_import import policies, selectors, services
from groepsconsult.participants.gp_import.reading import FileRejected
from groepsconsult.participants.models import CallListEntry, ImportBatch


@require_permission(Permission.GP_IMPORT)
def batch_list(request):
    """The upload form and earlier imports. A POST checks the file and writes nothing yet."""
    region = request.membership.region
    form = GpFileUploadForm(request.POST or None, request.FILES or None, region=region)
    if request.method == "POST" and form.is_valid():
        response = _check_upload(request, form)
        if response:
            return response
    context = {"form": form, "page": paginate(request, selectors.batch_list(region=region))}
    return render(request, "participants/import/batch_list.html", context)


def _check_upload(request, form):
    upload = form.cleaned_data["file"]
    data = upload.read()
    by = Actor.from_request(request)
    region = request.membership.region
    try:
        report = services.import_file_check(region=region, file_name=upload.name, data=data, by=by)
    except FileRejected as exc:
        for message in exc.messages:
            form.add_error("file", message)
        return None
    if not report.ok:
        # Refused: show every bad row now and keep nothing, not even the file.
        context = {"summary": report.summary(), "file_name": upload.name, "refused": True}
        return render(request, "participants/import/preview.html", context)
    batch = services.import_batch_prepare(
        region=region,
        gp_practice=form.cleaned_data["gp_practice"],
        consultation=form.cleaned_data["consultation"],
        file_name=upload.name,
        data=data,
        report=report,
        by=by,
    )
    return redirect("gp_import:batch-preview", public_id=batch.public_id)


@require_permission(Permission.GP_IMPORT)
def batch_preview(request, public_id):
    batch = selectors.batch_get_for_preview(
        region=request.membership.region, public_id=public_id, by=Actor.from_request(request)
    )
    context = {
        "batch": batch,
        "summary": batch.report,
        "file_name": batch.file_name,
        "can_confirm": policies.can_confirm_batch(batch=batch),
        "can_cancel": policies.can_cancel_batch(batch=batch),
        "expired": batch.status == ImportBatch.Status.PREVIEWED and policies.preview_expired(batch),
    }
    return render(request, "participants/import/preview.html", context)


@require_permission(Permission.GP_IMPORT)
@require_POST
def batch_confirm(request, public_id):
    batch = selectors.batch_get(
        region=request.membership.region, public_id=public_id, with_upload=True
    )
    try:
        batch = services.import_batch_commit(batch=batch, by=Actor.from_request(request))
    except (ValidationError, FileRejected) as exc:
        for message in getattr(exc, "messages", [str(exc)]):
            messages.error(request, message)
        return redirect("gp_import:batch-preview", public_id=batch.public_id)
    messages.success(
        request,
        _("Imported %(n)s participants. Their call list is below.") % {"n": batch.new_count},
    )
    return redirect("gp_import:call-list", public_id=batch.public_id)


@require_permission(Permission.GP_IMPORT)
@require_POST
def batch_cancel(request, public_id):
    batch = selectors.batch_get(region=request.membership.region, public_id=public_id)
    try:
        services.import_batch_cancel(batch=batch, by=Actor.from_request(request))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("gp_import:batch-preview", public_id=batch.public_id)
    messages.success(request, _("Cancelled. The file has been deleted; nothing was imported."))
    return redirect("gp_import:batch-list")


@require_permission(Permission.GP_IMPORT)
def call_list(request, public_id):
    batch = selectors.batch_get(region=request.membership.region, public_id=public_id)
    outcome = request.GET.get("outcome", "")
    if outcome not in CallListEntry.Outcome.values:
        outcome = ""
    counts = selectors.outcome_counts(batch=batch)
    if request.htmx and request.GET.get("part") == "counts":
        # Only the counts (no names): refreshed after each recorded call.
        context = {"batch": batch, "outcome": outcome, "counts": counts}
        return render(request, "participants/call_list_counts.html", context)
    page = selectors.call_page_for_batch(
        batch=batch,
        by=Actor.from_request(request),
        outcome=outcome,
        page_number=request.GET.get("page"),
    )
    context = {
        "batch": batch,
        "page": page,
        "outcome": outcome,
        "outcomes": CallListEntry.Outcome.choices,
        "counts": counts,
    }
    return render_page(
        request,
        "participants/call_list.html",
        context,
        partial="participants/call_list_table.html",
    )


@require_permission(Permission.GP_IMPORT)
@require_POST
def call_outcome(request, public_id):
    """One click records the outcome; htmx swaps just the row, plain POST goes back to the list."""
    by = Actor.from_request(request)
    entry = selectors.call_entry_get(region=request.membership.region, public_id=public_id, by=by)
    form = CallOutcomeForm(request.POST)
    error = ""
    if form.is_valid() and form.cleaned_data["outcome"] == CallListEntry.Outcome.REGISTERED:
        # "Registered" makes a place in the session: the registrations app's one path (307 keeps
        # the POST and its note). The row's button already posts there; this covers old pages.
        response = HttpResponseRedirect(
            reverse("registrations:call-register", args=[entry.public_id])
        )
        response.status_code = 307
        return response
    if form.is_valid():
        try:
            entry = services.call_outcome_set(
                entry=entry,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                by=by,
            )
        except ValidationError as exc:
            error = exc.messages[0]
    else:
        error = _("Choose one of the outcomes.")
    if request.htmx:
        context = {"entry": entry, "outcomes": CallListEntry.Outcome.choices, "error": error}
        response = render(request, "participants/call_list_row.html", context)
        if not error:
            response["HX-Trigger"] = "callOutcomeChanged"  # the counts above refresh themselves
        return response
    if error:
        messages.error(request, error)
    return redirect("gp_import:call-list", public_id=entry.batch.public_id)
