"""Results booklets: the session list, one booklet on screen, one as PDF, a session as one PDF.

Three steps on every view: BOOKLET_PRINT, then fetch through a region-scoped selector (404
outside the region), then read. The PDF reads are logged as PRINT, the screen as VIEW.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.consent.selectors import with_gp_consent_status
from groepsconsult.consultations.selectors import (
    consultation_get_for_user,
    consultation_recent_list,
)
from groepsconsult.documents import selectors
from groepsconsult.documents.booklet import build_booklet
from groepsconsult.documents.rendering import booklet_html, booklets_pdf


def _pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    # Inline: the browser's viewer opens it for printing; the name holds no personal data.
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _build(sources, *, consultation, region):
    booklets = [build_booklet(s, consultation=consultation) for s in sources]
    return selectors.booklets_mark_draft_thresholds(booklets, region=region)


def _page_size(request):
    return "a5" if request.GET.get("size") == "a5" else "a4"


@require_permission(Permission.BOOKLET_PRINT)
@require_GET
def consultation_list(request):
    consultations = consultation_recent_list(region=request.membership.region)
    return render(request, "documents/index.html", {"consultations": consultations})


@require_permission(Permission.BOOKLET_PRINT)
@require_GET
def session_booklets(request, consultation_id):
    consultation = consultation_get_for_user(
        membership=request.membership, public_id=consultation_id, readiness=False
    )
    registrations = selectors.session_registration_list_for_user(
        membership=request.membership, by=Actor.from_request(request), consultation=consultation
    )
    with_gp_consent_status(registrations)
    context = {
        "consultation": consultation,
        "registrations": registrations,
        "with_results": sum(1 for r in registrations if r.has_measurements),
    }
    return render(request, "documents/session.html", context)


@require_permission(Permission.BOOKLET_PRINT)
@require_GET
def booklet_detail(request, registration_id):
    source = selectors.booklet_source_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        registration_public_id=registration_id,
    )
    consultation = source.registration.consultation
    booklet = _build([source], consultation=consultation, region=request.membership.region)[0]
    context = {"consultation": consultation, "booklet": booklet, "html": booklet_html(booklet)}
    return render(request, "documents/booklet.html", context)


@require_permission(Permission.BOOKLET_PRINT)
@require_GET
def booklet_pdf(request, registration_id):
    source = selectors.booklet_source_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        registration_public_id=registration_id,
        action=AccessEvent.Action.PRINT,
    )
    consultation = source.registration.consultation
    booklet = _build([source], consultation=consultation, region=request.membership.region)[0]
    pdf = booklets_pdf([booklet], page_size=_page_size(request), title=_("Results booklet"))
    return _pdf_response(pdf, f"booklet-{source.registration.public_id}.pdf")


@require_permission(Permission.BOOKLET_PRINT)
@require_GET
def session_pdf(request, consultation_id):
    consultation = consultation_get_for_user(
        membership=request.membership, public_id=consultation_id
    )
    sources = selectors.booklet_batch_for_user(
        membership=request.membership, by=Actor.from_request(request), consultation=consultation
    )
    if not sources:
        context = {"consultation": consultation, "registrations": [], "nothing_to_print": True}
        return render(request, "documents/session.html", context, status=200)
    booklets = _build(sources, consultation=consultation, region=request.membership.region)
    pdf = booklets_pdf(booklets, page_size=_page_size(request), title=_("Results booklets"))
    day = consultation.starts_at.date().isoformat()
    return _pdf_response(pdf, f"booklets-{slugify(consultation.neighbourhood.name)}-{day}.pdf")
