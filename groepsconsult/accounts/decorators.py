"""The permission step of the three-step authorisation (fetch-for-user, permission, policy).

The permission is checked before the object is fetched: it depends only on the user's role,
so checking it first reveals nothing about whether an object exists.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from groepsconsult.accounts.permissions import Permission


def require_permission(permission: Permission):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            membership = request.membership
            if membership is None or not membership.has_permission(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator
