from groepsconsult.accounts.permissions import Permission
from groepsconsult.core.navigation import nav_items_for


class _Can:
    """Template access to permissions: {% if can.participant_view %}."""

    def __init__(self, membership):
        self.membership = membership

    def __getattr__(self, name):
        try:
            permission = Permission(name)
        except ValueError:
            raise AttributeError(name) from None
        return bool(self.membership and self.membership.has_permission(permission))


def membership(request):
    active = getattr(request, "membership", None)
    return {
        "membership": active,
        "memberships": getattr(request, "memberships", []),
        "can": _Can(active),
        "nav_items": nav_items_for(active, request.path),
    }
