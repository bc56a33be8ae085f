"""A participant's consent: overview with history, record a decision, withdraw, paper form.

Who may use them: CONSENT_RECORD (the care team). Each page fetches the participant in the
user's region (404 outside it) and logs the read; each write goes through consent.services.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.models import AccessEvent
from groepsconsult.audit.services import Actor
from groepsconsult.consent import policies, selectors, services
from groepsconsult.consent.forms import ConsentRecordForm, ConsentWithdrawForm
from groepsconsult.consent.models import ConsentPurpose
from groepsconsult.core.http import render_page, safe_next


def _participant(request, public_id, action=AccessEvent.Action.VIEW):
    return selectors.consent_participant_get_for_user(
        membership=request.membership,
        by=Actor.from_request(request),
        public_id=public_id,
        purpose=selectors.AUDIT_PURPOSE,
        action=action,
    )


def _overview_context(request, participant, bound=None):
    """The overview plus a record and a withdraw form per purpose (`bound`: a record form with errors)."""
    overview = selectors.consent_overview_for_participant(participant=participant)
    language = participant.preferred_language
    for item in overview:
        item.text_local = item.text.text_for(language) if item.text else ""
        item.record_form = ConsentRecordForm(
            purpose=item.purpose, initial={"version": item.text and item.text.version}
        )
        item.withdraw_form = ConsentWithdrawForm(purpose=item.purpose)
        if bound is not None and bound.prefix == item.record_form.prefix:
            item.record_form = bound
        item.can_withdraw = bool(item.current and policies.can_withdraw_consent(item.current))
    history = sorted(
        (c for item in overview for c in item.history),
        key=lambda c: (c.recorded_at, c.id),
        reverse=True,
    )
    default_next = reverse("consent:participant-consents", args=[participant.public_id])
    return {
        "participant": participant,
        "overview": overview,
        "history": history,
        "show_dutch": language != "nl",
        "next": safe_next(request, default_next),
    }


@require_permission(Permission.CONSENT_RECORD)
def participant_consents(request, public_id):
    """GET: the overview (or its htmx fragment). POST: record a decision for one purpose."""
    participant = _participant(request, public_id)
    if request.method == "POST":
        return _record(request, participant)
    return render_page(
        request,
        "consent/participant_consents.html",
        _overview_context(request, participant),
        partial="consent/_participant_consents.html",
    )


def _record(request, participant):
    purpose = request.POST.get("purpose", "")
    if purpose not in ConsentPurpose.values:
        messages.error(request, _("Choose a purpose."))
        return redirect(_back(request, participant))
    form = ConsentRecordForm(request.POST, purpose=purpose)
    if form.is_valid():
        try:
            services.consent_record(
                participant=participant,
                purpose=purpose,
                given=form.cleaned_data["decision"] == "given",
                how=form.cleaned_data["how"],
                version=form.cleaned_data["version"],
                by=Actor.from_request(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Consent decision recorded."))
            return redirect(_back(request, participant))
    context = _overview_context(request, participant, bound=form)
    return render(request, "consent/participant_consents.html", context, status=400)


@require_permission(Permission.CONSENT_RECORD)
def consent_withdraw(request, public_id):
    """GET: confirm with a reason (also the no-JavaScript route). POST: withdraw."""
    consent = selectors.consent_get_for_user(
        membership=request.membership, by=Actor.from_request(request), public_id=public_id
    )
    participant = consent.participant
    form = ConsentWithdrawForm(request.POST or None, purpose=consent.purpose)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_withdraw(
                consent=consent, reason=form.cleaned_data["reason"], by=Actor.from_request(request)
            )
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                # The consent already ended (e.g. a colleague was first): nothing to fix here.
                messages.error(request, " ".join(exc.messages))
                return redirect(_back(request, participant))
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Consent withdrawn. The history is kept."))
            return redirect(_back(request, participant))
    context = {
        "consent": consent,
        "participant": participant,
        "form": form,
        "can_withdraw": policies.can_withdraw_consent(consent),
        "next": _back(request, participant),
    }
    return render(
        request,
        "consent/consent_withdraw.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@require_permission(Permission.CONSENT_RECORD)
def consent_paper_form(request, public_id):
    """The printable form in the participant's language, listing the text versions in force."""
    participant = _participant(request, public_id, action=AccessEvent.Action.PRINT)
    texts = selectors.consent_text_current_map()
    language = participant.preferred_language
    rows = [
        {"label": label, "text": texts.get(value)}
        for value, label in ConsentPurpose.choices
        if texts.get(value)
    ]
    with translation.override(language):
        for row in rows:
            row["label"] = str(row["label"])
            row["body"] = row["text"].text_for(language)
        return render(
            request,
            "consent/paper_form.html",
            {"participant": participant, "rows": rows, "language": language},
        )


@require_permission(Permission.CONSENT_RECORD)
def consent_ask(request, public_id):
    """One purpose's text, large, in the participant's language, and two buttons: one tap.

    Opened from the door, a station or the booklets (?next= brings the user back). The answer
    is POSTed to `participant_consents`, the one place that records a decision.
    """
    participant = _participant(request, public_id)
    purpose = request.GET.get("purpose", ConsentPurpose.SHARE_WITH_GP)
    if purpose not in ConsentPurpose.values:
        purpose = ConsentPurpose.SHARE_WITH_GP
    item = next(
        i
        for i in selectors.consent_overview_for_participant(participant=participant)
        if i.purpose == purpose
    )
    language = participant.preferred_language
    context = {
        "participant": participant,
        "item": item,
        "text_local": item.text.text_for(language) if item.text else "",
        "show_dutch": language != "nl",
        "prefix": ConsentRecordForm(purpose=purpose).prefix,
        "next": _back(request, participant),
    }
    return render(request, "consent/consent_ask.html", context)


def _back(request, participant):
    default = reverse("consent:participant-consents", args=[participant.public_id])
    return safe_next(request, default)
