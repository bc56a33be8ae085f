"""A coordinator removes a flood of bogus public sign-ups in one click, and can undo it."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groepsconsult.accounts.permissions import Permission
from groepsconsult.audit.services import Actor
from groepsconsult.consultations.selectors import consultation_get_for_user
from groepsconsult.core.http import form_add_validation_error
from groepsconsult.registrations import selectors, services
from groepsconsult.registrations.forms import SignupRemovalForm
from groepsconsult.registrations.views.access import staff_view


def _page(request, consultation, form):
    context = {
        "consultation": consultation,
        "form": form,
        "sources": selectors.self_signup_sources(
            consultation=consultation, since=timezone.now() - dt.timedelta(days=1)
        ),
        "removals": selectors.signup_removal_list(consultation=consultation),
    }
    return render(request, "registrations/signup_removal.html", context)


@staff_view(Permission.REGISTRATION_CREATE)
def signup_removal(request, public_id):
    consultation = consultation_get_for_user(membership=request.membership, public_id=public_id)
    if request.method != "POST":
        return _page(
            request, consultation, SignupRemovalForm(initial=SignupRemovalForm.initial_window())
        )
    form = SignupRemovalForm(request.POST)
    if form.is_valid():
        try:
            removal = services.signup_removal_create(
                consultation=consultation,
                **form.cleaned_data,
                by=Actor.from_request(request),
            )
        except ValidationError as exc:
            form_add_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("%(count)d public sign-ups are cancelled. You can undo this below.")
                % {"count": removal.registrations.count()},
            )
            return redirect("registrations:signup-removal", public_id=consultation.public_id)
    return _page(request, consultation, form)


@require_POST
@staff_view(Permission.REGISTRATION_CREATE)
def signup_removal_undo(request, public_id):
    removal = selectors.signup_removal_get_for_membership(
        membership=request.membership, public_id=public_id
    )
    try:
        restored = services.signup_removal_undo(removal=removal, by=Actor.from_request(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(count)d places are given back.") % {"count": restored})
    return redirect("registrations:signup-removal", public_id=removal.consultation.public_id)
