"""Marking views that need no verified login.

Every view needs a two-factor-verified login unless it is marked public here (closed by default,
enforced by accounts.middleware.TwoFactorRequiredMiddleware). Views we do not own (Django's
set_language) are listed by URL name in settings.GC_PUBLIC_URL_NAMES instead; a system check
refuses names that do not resolve.
"""

PUBLIC_ATTRIBUTE = "gc_public"


def public(view):
    """Open this view to anonymous and not-yet-verified users. It must show no personal data
    of anyone but the visitor (login steps, residents' sign-up pages, health check)."""
    setattr(view, PUBLIC_ATTRIBUTE, True)
    return view


def is_public_view(view) -> bool:
    return getattr(view, PUBLIC_ATTRIBUTE, False)
