"""Return invitations: the 6-month sessions, generating invitations from first sessions, the
invitation list (register in one click, record "not coming"), letters and the call list."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.core.http import form_add_validation_error, paginate, safe_next
from groepsconsult.returns import letter, policies, selectors, services
from groepsconsult.returns.forms import GenerateForm, NotComingForm
from groepsconsult.trajectories.selectors import baseline_sessions_awaiting_return

MANAGE = Permission.CONSULTATION_MANAGE
# A first session held 4 to 8 months before the 6-month session is "due".
DUE_FROM, DUE_UNTIL = dt.timedelta(days=240), dt.timedelta(days=120)


@require_permission(MANAGE)
def index(request):
    page = paginate(request, selectors.return_session_list(region=request.membership.region))
    return render(request, "returns/index.html", {"page": page})


def _generate(request, consultation, form) -> bool:
    try:
        counts = services.invitations_generate(
            consultation=consultation,
            baselines=form.chosen_sessions(),
            contact_phone=form.cleaned_data["contact_phone"],
            by=Actor.from_request(request),
        )
    except ValidationError as exc:
        form_add_validation_error(form, exc)
        return False
    messages.success(
        request,
        _(
            "Invitations: %(sms)s by SMS, %(email)s by e-mail, %(letter)s by letter only, "
            "%(failed)s failed (on the call list), %(already)s already invited."
        )
        % {k: counts.get(k, 0) for k in ("sms", "email", "letter", "failed", "already")},
    )
    return True


@require_http_methods(["GET", "POST"])
@require_permission(MANAGE)
def session(request, consultation):
    membership = request.membership
    return_session = selectors.return_session_get(membership=membership, public_id=consultation)
    candidates = baseline_sessions_awaiting_return(
        region=membership.region, before=return_session.starts_at
    )
    for candidate in candidates:
        gap = return_session.starts_at - candidate.starts_at
        candidate.due = DUE_UNTIL <= gap <= DUE_FROM
    form = GenerateForm(request.POST or None, sessions=candidates)
    if request.method == "POST" and form.is_valid() and _generate(request, return_session, form):
        return redirect("returns:session", consultation=return_session.public_id)
    context = {
        "consultation": return_session,
        "can_invite": policies.can_invite_for(return_session),
        "candidates": candidates,
        "form": form,
        "page": selectors.invitation_page(
            membership=membership,
            by=Actor.from_request(request),
            consultation=return_session,
            page_number=request.GET.get("page"),
        ),
        "summary": selectors.invitation_summary(membership=membership, consultation=return_session),
        "reasons": NotComingForm().fields["reason"].choices,
    }
    return render(request, "returns/session.html", context)


def _back(request, invitation):
    return safe_next(
        request,
        reverse("returns:session", kwargs={"consultation": invitation.consultation.public_id}),
    )


@require_POST
@require_permission(MANAGE)
def invitation_register(request, invitation):
    by = Actor.from_request(request)
    found = selectors.invitation_get_for_user(
        membership=request.membership, by=by, public_id=invitation
    )
    try:
        services.invitation_register(invitation=found, by=by)
    except ValidationError as exc:
        messages.error(request, f"{found.participant.full_name}: {' '.join(exc.messages)}")
    else:
        messages.success(
            request,
            _("%(name)s is registered for the 6-month session.")
            % {"name": found.participant.full_name},
        )
    return redirect(_back(request, found))


@require_http_methods(["GET", "POST"])
@require_permission(MANAGE)
def invitation_not_coming(request, invitation):
    by = Actor.from_request(request)
    found = selectors.invitation_get_for_user(
        membership=request.membership, by=by, public_id=invitation
    )
    form = NotComingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_record_not_coming(
                invitation=found,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                by=by,
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s: recorded as not coming.") % {"name": found.participant.full_name},
            )
            return redirect(_back(request, found))
    return render(request, "returns/not_coming.html", {"invitation": found, "form": form})


def _pdf(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_permission(MANAGE)
def invitation_letter(request, invitation):
    found = selectors.invitation_get_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        public_id=invitation,
        action=AccessEvent.Action.PRINT,
    )
    return _pdf(letter.letters_pdf([found]), f"invitation-{found.public_id}.pdf")


@require_permission(MANAGE)
def session_letters(request, consultation):
    membership = request.membership
    return_session = selectors.return_session_get(membership=membership, public_id=consultation)
    invitations = selectors.invitations_for_letters(
        membership=membership, by=Actor.from_request(request), consultation=return_session
    )
    return _pdf(letter.letters_pdf(invitations), f"invitations-{return_session.public_id}.pdf")


@require_permission(MANAGE)
def call_list(request, consultation):
    membership = request.membership
    return_session = selectors.return_session_get(membership=membership, public_id=consultation)
    page = selectors.call_list_page(
        membership=membership,
        by=Actor.from_request(request),
        consultation=return_session,
        page_number=request.GET.get("page"),
    )
    return render(request, "returns/call_list.html", {"consultation": return_session, "page": page})
