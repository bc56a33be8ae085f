"""Guards for the two kinds of page in this app.

Staff pages live under /aanmelden/ too (the URL prefix the public pages needed), and the
two-factor middleware lets that prefix through for residents. So staff pages check two-factor
themselves here: a staff page must never be reachable with a password alone.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.accounts.selectors import user_requires_2fa

PUBLIC_LANGUAGES = dict(settings.PARTICIPANT_LANGUAGES)


def staff_view(permission):
    """Login, then the permission (403), then a verified second factor."""

    def decorator(view):
        @wraps(view)
        def verified(request, *args, **kwargs):
            user = request.user
            if not user.is_verified() and user_requires_2fa(user=user):
                return redirect(f"{reverse('accounts:two-factor')}?next={request.path}")
            return view(request, *args, **kwargs)

        return require_permission(permission)(verified)

    return decorator


def public_language(request) -> str:
    """The language cookie may hold Turkish or Arabic, which the staff side does not offer."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in PUBLIC_LANGUAGES else request.LANGUAGE_CODE


def public_page(view):
    """Render a resident's page in one of the participant languages (nl, en, tr, ar)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        language = public_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapped


def add_service_errors(form, exc) -> None:
    """Put a service's ValidationError on the form: on the field when the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
