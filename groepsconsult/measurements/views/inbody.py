"""InBody import: upload the day's LookinBody export, preview matched/unmatched rows, import.

Who may use them: MEASUREMENT_ENTER. The parsed file waits in the server-side session between
preview and import, so the confirmed import is exactly what was previewed.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.measurements import imports, selectors
from groepsconsult.measurements.forms import InBodyUploadForm
from groepsconsult.measurements.inbody import InBodyFileError, parse_inbody
from groepsconsult.measurements.models import Measure, Station
from groepsconsult.measurements.views.station import station_context


def _key(consultation):
    return f"inbody:{consultation.public_id}"


def _render(request, consultation, form, preview=None, data=None):
    context = station_context(request, consultation, Station.MOVEMENT) | {
        "form": form,
        "preview": preview,
        "columns": [Measure(m) for m in (data or {}).get("columns", {})],
        "layout": (data or {}).get("layout", ""),
    }
    return render(request, "measurements/inbody_upload.html", context)


@require_permission(Permission.MEASUREMENT_ENTER)
def inbody_upload(request, consultation):
    consultation = consultation_get_for_user(membership=request.membership, public_id=consultation)
    form = InBodyUploadForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return _render(request, consultation, form)
    upload = form.cleaned_data["file"]
    try:
        parsed = parse_inbody(upload.read(), filename=upload.name)
    except InBodyFileError as exc:
        form.add_error("file", str(exc))
        return _render(request, consultation, form)
    data = imports.parsed_to_data(parsed) | {"device": form.cleaned_data["device"]}
    request.session[_key(consultation)] = data
    rows = imports.data_to_rows(data)
    preview = imports.inbody_preview(
        membership=request.membership, consultation=consultation, rows=rows
    )
    access_log_write(
        by=Actor.from_request(request),
        action=AccessEvent.Action.LIST,
        subject_type="inbody_preview",
        participant_ids=[reg.participant.public_id for _row, reg in preview.matched],
        purpose=selectors.PURPOSE,
    )
    return _render(request, consultation, form, preview, data)


@require_permission(Permission.MEASUREMENT_ENTER)
@require_POST
def inbody_confirm(request, consultation):
    consultation = consultation_get_for_user(membership=request.membership, public_id=consultation)
    data = request.session.get(_key(consultation))
    if not data:
        messages.error(request, _("Upload the file again: the preview has expired."))
        return redirect("measurements:inbody-upload", consultation=consultation.public_id)
    try:
        stored = imports.inbody_import(
            membership=request.membership,
            consultation=consultation,
            rows=imports.data_to_rows(data),
            by=Actor.from_request(request),
            device=data.get("device", "InBody"),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("measurements:inbody-upload", consultation=consultation.public_id)
    del request.session[_key(consultation)]
    messages.success(request, _("Imported %(n)s values.") % {"n": stored})
    return redirect("measurements:progress-grid", consultation=consultation.public_id)
