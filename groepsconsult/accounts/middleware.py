"""Sessions, two-factor enforcement and the active region, applied to every request.

They live in middleware so that no view can forget them:
- AuthenticatedSessionMiddleware: the idle timeout (user actions only; polling does not count)
  and `Cache-Control: no-store` on every page of a logged-in user and every answer to a POST.
- TwoFactorRequiredMiddleware: closed by default. Every view needs a verified (TOTP) login
  unless it is marked public (core.access.public or settings.GC_PUBLIC_URL_NAMES); a user
  with a one-time password must first choose their own.
- ActiveMembershipMiddleware: request.membership, the role in the active region.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.utils.cache import add_never_cache_headers

from groepsconsult.accounts.selectors import membership_active_for_user
from groepsconsult.core.access import is_public_view

SESSION_REGION_KEY = "active_region_id"
LAST_ACTIVITY_KEY = "last_activity"
# htmx elements that refresh on a timer send this header (hx-headers); they are not user actions.
POLLING_HEADER = "X-Polling"
# The last-activity stamp is rewritten at most once a minute, so a page view does not save the
# session (a GET writes nothing); the idle timeout is therefore exact to within this slack.
ACTIVITY_RESOLUTION_SECONDS = 60
# A user with a one-time password from an administrator may reach only this page (and the
# public ones) until they have chosen their own password.
PASSWORD_CHANGE_URL_NAME = "accounts:password-change"


def is_polling(request) -> bool:
    return request.headers.get(POLLING_HEADER) == "true"


def _is_password_change(request) -> bool:
    return request.resolver_match.view_name == PASSWORD_CHANGE_URL_NAME


def view_is_public(view_func, resolver_match) -> bool:
    name = resolver_match.view_name if resolver_match else ""
    return is_public_view(view_func) or name in settings.GC_PUBLIC_URL_NAMES


class AuthenticatedSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.track_activity(request)
        response = self.get_response(request)
        if request.user.is_authenticated or request.method == "POST":
            # Pages of logged-in users show personal data, and so does a resident's form shown
            # again with its errors: no browser or proxy may keep them.
            add_never_cache_headers(response)
        return response

    def track_activity(self, request):
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY_KEY)
        if last is not None and now - last > settings.SESSION_IDLE_SECONDS:
            logout(request)
        elif not is_polling(request) and (
            last is None or now - last >= ACTIVITY_RESOLUTION_SECONDS
        ):
            request.session[LAST_ACTIVITY_KEY] = now


def _send_to(request, url: str):
    """A redirect; for htmx requests (polling) a full-page redirect, which also stops polling."""
    response = redirect_to_login(request.get_full_path(), url)
    if request.headers.get("HX-Request"):
        hx = HttpResponse(status=204)
        hx["HX-Redirect"] = response["Location"]
        return hx
    return response


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_is_public(view_func, request.resolver_match):
            return None
        if not request.user.is_authenticated:
            return _send_to(request, resolve_url(settings.LOGIN_URL))
        if not request.user.is_verified():
            return _send_to(request, resolve_url("accounts:two-factor"))
        if request.user.must_change_password and not _is_password_change(request):
            return _send_to(request, resolve_url(PASSWORD_CHANGE_URL_NAME))
        return None


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
