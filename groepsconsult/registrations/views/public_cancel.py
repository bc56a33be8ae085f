"""The cancel link of a sign-up confirmation: one question, one button, no login.

The page names only the session (never the person: a forwarded link shows nothing about who).
A GET changes nothing; the place is given back on the POST, through the same service the
coordinator's cancel uses.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render

from groepsconsult.audit.services import Actor
from groepsconsult.registrations import policies, selectors, services
from groepsconsult.registrations.views.access import public_page
from groepsconsult.registrations.views.public import public_context


@public_page
def public_cancel(request, token):
    registration = selectors.registration_get_by_cancel_token(token=token)
    consultation = registration.consultation
    done = False
    error = ""
    if request.method == "POST" and policies.can_cancel_registration(registration):
        by = Actor.anonymous(request, name=services.SELF_REGISTRATION_NAME)
        try:
            services.registration_cancel(
                registration=registration, by=by.in_region(consultation.region.slug)
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            done = True
    context = public_context(
        request,
        consultation,
        done=done,
        error=error,
        can_cancel=policies.can_cancel_registration(registration),
    )
    return render(request, "registrations/public_cancel.html", context)
