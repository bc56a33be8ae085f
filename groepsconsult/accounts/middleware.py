"""Two-factor enforcement and the active region, applied to every request.

Both live in middleware so that no view can forget them.
"""

from django.shortcuts import redirect
from django.urls import reverse

from groepsconsult.accounts.selectors import membership_active_for_user, user_requires_2fa

SESSION_REGION_KEY = "active_region_id"
# Pages an authenticated but not yet verified user may still reach: the login steps and the
# residents' public registration pages. The staff pages under /aanmelden/sessions/ are not open.
OPEN_PATH_PREFIXES = ("/account/", "/static/", "/healthz", "/i18n/", "/aanmelden/")
CLOSED_PATH_PREFIXES = ("/aanmelden/sessions/",)


def is_open_path(path: str) -> bool:
    return path.startswith(OPEN_PATH_PREFIXES) and not path.startswith(CLOSED_PATH_PREFIXES)


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not is_open_path(request.path)
            and not user.is_verified()
            and user_requires_2fa(user=user)
        ):
            return redirect(f"{reverse('accounts:two-factor')}?next={request.path}")
        return self.get_response(request)


class ActiveMembershipMiddleware:
    """Sets request.membership (role in the active region) and request.memberships."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership, request.memberships = None, []
        if request.user.is_authenticated:
            membership, memberships = membership_active_for_user(
                user=request.user, region_id=request.session.get(SESSION_REGION_KEY)
            )
            request.membership, request.memberships = membership, memberships
        return self.get_response(request)
