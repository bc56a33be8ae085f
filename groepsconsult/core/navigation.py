"""Menu items and dashboard panels contributed by apps, so no app edits a shared template.

An AppConfig may declare:
    nav_items = [("Label (lazy)", "app:url-name", "permission_value"), ...]
    dashboard_panels = ["groepsconsult.app.selectors.some_panel"]  # fn(request) -> dict | None
A panel function returns {"template": "app/_panel.html", ...context} or None to show nothing.
"""

from functools import cache

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string


@cache
def _declared(attribute):
    return [item for config in apps.get_app_configs() for item in getattr(config, attribute, [])]


# Menu order follows the work: prepare a session, run the day, then administer. Items an app
# declares but this list does not name go last.
NAV_ORDER = [
    "consultations:consultation-list",
    "registrations:session-index",
    "gp_import:batch-list",
    "notifications:consultation-message-list",
    "offers:offer-list",
    "measurements:station-start",
    "questionnaires:start",
    "goals:goal-start",
    "documents:consultation-list",
    "monitoring:plenary-list",
    "participants:participant-list",
    "regions:neighbourhood-list",
    "team:member-list",
    "audit:access-log",
]
NAV_GROUP_STARTS = {"measurements:station-start", "participants:participant-list"}


def _position(item):
    url_name = item[1]
    return NAV_ORDER.index(url_name) if url_name in NAV_ORDER else len(NAV_ORDER)


def _current(urls, path):
    """The one menu url `path` belongs to: the longest that is a prefix of it, or else the one
    sharing its first segment (a page of the same app), so two items are never marked."""
    prefixes = [u for u in urls if path.startswith(u)]
    if prefixes:
        return max(prefixes, key=len)
    segment = path.split("/")[1:2]
    return next((u for u in urls if segment and u.split("/")[1:2] == segment), None)


def nav_items_for(membership, path=""):
    """(label, url, starts_group, current) for every page the membership may open, in work
    order; `current` marks the item of the page at `path`."""
    items = []
    for label, url_name, permission in sorted(_declared("nav_items"), key=_position):
        if membership is None or not membership.has_permission(permission):
            continue
        try:
            items.append((label, reverse(url_name), url_name in NAV_GROUP_STARTS))
        except NoReverseMatch:  # an app that declares a page it has not built yet
            continue
    current = _current([url for _label, url, _group in items], path) if path else None
    return [(label, url, group, url == current) for label, url, group in items]


def dashboard_panels_for(request):
    panels = []
    for dotted in _declared("dashboard_panels"):
        panel = import_string(dotted)(request)
        if panel:
            panels.append(panel)
    return panels
