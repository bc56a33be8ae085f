"""Guards for the two kinds of page in this app.

Staff pages live under /aanmelden/ too (the URL prefix the public pages needed). The two-factor
middleware is closed by default, so staff pages need a verified login like every other page;
only the residents' pages, marked with `public_page`, are open.
"""

from functools import wraps

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from groepsconsult.accounts.decorators import require_permission
from groepsconsult.core.access import public

PUBLIC_LANGUAGES = dict(settings.PARTICIPANT_LANGUAGES)


def staff_view(permission):
    """Login and a verified second factor (middleware), then the permission (403)."""
    return require_permission(permission)


def public_language(request) -> str:
    """The language cookie may hold Turkish or Arabic, which the staff side does not offer."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in PUBLIC_LANGUAGES else request.LANGUAGE_CODE


def public_page(view):
    """A resident's page (public: no login) in one of the participant languages (nl, en, tr, ar)."""

    @public
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
