"""Privacy pages.

Who may use them: the privacy statement is public (residents, in nl/en/tr/ar); the register of
processing activities needs AUDIT_VIEW; subject access needs SUBJECT_ACCESS_EXPORT; anonymising
needs PARTICIPANT_ERASE. Every read, export and erasure is written to the access log.
"""

import json

from django.conf import settings
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor, access_log_write
from groepsconsult.privacy import register, selectors, services
from groepsconsult.privacy.forms import AnonymiseForm, SubjectSearchForm
from groepsconsult.privacy.subject_access import subject_access_data
from groepsconsult.registrations.views.access import PUBLIC_LANGUAGES, public_page


@require_GET
@public_page
def statement(request):
    context = {
        "public_languages": PUBLIC_LANGUAGES.items(),
        "retention_days": settings.RETENTION_DAYS["inactive_participant"],
        "contact_email": settings.PRIVACY_CONTACT_EMAIL,
    }
    return render(request, "privacy/statement.html", context)


@require_GET
@require_permission(Permission.AUDIT_VIEW)
def processing_register(request):
    return render(request, "privacy/register.html", {"activities": register.activities()})


@require_permission(Permission.SUBJECT_ACCESS_EXPORT)
def subject_search(request):
    form = SubjectSearchForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = selectors.subject_search(
            membership=request.membership, by=Actor.from_request(request), **form.cleaned_data
        )
    return render(request, "privacy/subject_search.html", {"form": form, "found": found})


def _subject(request, public_id):
    participant = selectors.subject_get(membership=request.membership, public_id=public_id)
    if participant is None:
        raise Http404
    return participant


def _log(request, participant, action, detail):
    access_log_write(
        by=Actor.from_request(request),
        action=action,
        subject_type="participant",
        subject_ids=[participant.public_id],
        participant_ids=[participant.public_id],
        purpose=selectors.PURPOSE_SUBJECT_ACCESS,
        detail=detail,
    )


@require_GET
@require_permission(Permission.SUBJECT_ACCESS_EXPORT)
def subject_detail(request, public_id):
    participant = _subject(request, public_id)
    data = subject_access_data(participant)
    _log(request, participant, AccessEvent.Action.VIEW, "summary")
    context = {"participant": participant, "data": data, "form": AnonymiseForm()}
    return render(request, "privacy/subject_detail.html", context)


@require_GET
@require_permission(Permission.SUBJECT_ACCESS_EXPORT)
def subject_export(request, public_id, fmt):
    participant = _subject(request, public_id)
    data = subject_access_data(participant)
    _log(request, participant, AccessEvent.Action.EXPORT, fmt)
    name = f"inzage-{participant.public_id}"
    if fmt == "json":
        body = json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        from weasyprint import HTML

        html = render_to_string("privacy/subject_pdf.html", {"data": data}, request=request)
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@require_permission(Permission.PARTICIPANT_ERASE)
def subject_anonymise(request, public_id):
    participant = _subject(request, public_id)
    form = AnonymiseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm; nothing was changed."))
        return redirect("privacy:subject-detail", public_id=public_id)
    services.participant_anonymise(
        participant=participant, by=Actor.from_request(request), purpose=services.PURPOSE_ERASURE
    )
    messages.success(request, _("The identity was removed; anonymous figures are kept."))
    return redirect("privacy:subject-detail", public_id=public_id)
