"""The residents' pages: open sessions, the sign-up form, thank-you and the calendar file.

No login. Nothing here ever shows a participant: only the session's public facts.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django_ratelimit.core import is_ratelimited

from groepsconsult.audit.services import Actor
from groepsconsult.core.clientip import client_ip
from groepsconsult.core.http import form_add_validation_error
from groepsconsult.registrations import policies, selectors, services
from groepsconsult.registrations.calendar_file import (
    consultation_ics,
    location_text,
    public_phone,
)
from groepsconsult.registrations.forms import PublicRegistrationForm
from groepsconsult.registrations.views.access import (
    PUBLIC_LANGUAGES,
    public_page,
)

TOO_MANY = _(
    "You sent this form many times in a short while. Please try again in an hour, "
    "or call us and we will sign you up."
)


def public_context(request, consultation=None, **extra):
    context = {"public_languages": PUBLIC_LANGUAGES.items(), **extra}
    if consultation is not None:
        context.update(
            consultation=consultation,
            place=location_text(consultation),
            phone=public_phone(consultation),
            audience=policies.consultation_audience(consultation),
        )
    return context


@require_GET
@public_page
def public_list(request):
    consultations = list(selectors.public_consultation_list())
    return render(
        request,
        "registrations/public_list.html",
        public_context(request, consultations=consultations),
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
        if _client_over_limit(request):
            form.add_error(None, TOO_MANY)
        elif form.is_valid() and _register(request, form, consultation):
            return redirect("registrations:public-thanks", public_id=consultation.public_id)
    return render(
        request,
        "registrations/public_register.html",
        public_context(request, consultation, form=form, is_full=is_full),
    )


def _rate_key(group, request):
    return client_ip(request) or "unknown"


def _client_over_limit(request) -> bool:
    """Counts every POST of this client (real address behind the proxy), valid or not."""
    return is_ratelimited(
        request,
        group="public-signup",
        key=_rate_key,
        rate=settings.GC_SIGNUP_RATE_PER_CLIENT,
        method="POST",
        increment=True,
    )


def _register(request, form, consultation) -> bool:
    """True on success (a new place, or silently the place someone already had: same answer);
    False when the form now carries the reason why not."""
    try:
        services.registration_self_register(
            consultation=consultation,
            participant=form.save(commit=False),
            by=Actor.anonymous(request, name=services.SELF_REGISTRATION_NAME),
        )
    except ValidationError as exc:
        form_add_validation_error(form, exc)
        return False
    return True


@require_GET
@public_page
def public_thanks(request, public_id):
    consultation = selectors.public_consultation_get_any(public_id=public_id)
    return render(
        request, "registrations/public_thanks.html", public_context(request, consultation)
    )


@require_GET
@public_page
def public_ics(request, public_id):
    consultation = selectors.public_consultation_get_any(public_id=public_id)
    response = HttpResponse(consultation_ics(consultation), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="groepsconsult.ics"'
    return response
