"""The residents' pages: open sessions, the sign-up form, thank-you and the calendar file.

No login. Nothing here ever shows a participant: only the session's public facts.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from groepsconsult.registrations import policies, selectors, services
from groepsconsult.registrations.calendar_file import consultation_ics, location_text
from groepsconsult.registrations.forms import PublicRegistrationForm
from groepsconsult.registrations.views.access import (
    PUBLIC_LANGUAGES,
    add_service_errors,
    public_page,
)

THANKS_SESSION_KEY = "registrations_thanks"


def _context(request, consultation=None, **extra):
    context = {"public_languages": PUBLIC_LANGUAGES.items(), **extra}
    if consultation is not None:
        context.update(
            consultation=consultation,
            place=location_text(consultation),
            audience=policies.consultation_audience(consultation),
        )
    return context


@require_GET
@public_page
def public_list(request):
    consultations = list(selectors.public_consultation_list())
    return render(
        request, "registrations/public_list.html", _context(request, consultations=consultations)
    )


@public_page
def public_register(request, public_id):
    consultation = selectors.public_consultation_get(public_id=public_id)
    is_full = consultation.registered_count >= consultation.capacity
    form = PublicRegistrationForm(
        request.POST or None, initial={"preferred_language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and not is_full:
        if form.is_bot:
            # Look the same as success to a bot; nothing is saved.
            return redirect("registrations:public-thanks", public_id=consultation.public_id)
        if form.is_valid():
            outcome = _register(form, consultation)
            if outcome is not None:
                request.session[THANKS_SESSION_KEY] = outcome
                return redirect("registrations:public-thanks", public_id=consultation.public_id)
    return render(
        request,
        "registrations/public_register.html",
        _context(request, consultation, form=form, is_full=is_full),
    )


def _register(form, consultation):
    """'new' or 'duplicate' on success; None when the form now carries the reason why not."""
    try:
        services.registration_self_register(
            consultation=consultation, participant=form.save(commit=False)
        )
    except ValidationError as exc:
        if getattr(exc, "code", None) == "duplicate":
            return "duplicate"
        add_service_errors(form, exc)
        return None
    return "new"


@require_GET
@public_page
def public_thanks(request, public_id):
    consultation = selectors.public_consultation_get_any(public_id=public_id)
    outcome = request.session.pop(THANKS_SESSION_KEY, "new")
    return render(
        request,
        "registrations/public_thanks.html",
        _context(request, consultation, duplicate=outcome == "duplicate"),
    )


@require_GET
@public_page
def public_ics(request, public_id):
    consultation = selectors.public_consultation_get_any(public_id=public_id)
    response = HttpResponse(consultation_ics(consultation), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="groepsconsult.ics"'
    return response
