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


def nav_items_for(membership):
    items = []
    for label, url_name, permission in _declared("nav_items"):
        if membership is None or not membership.has_permission(permission):
            continue
        try:
            items.append((label, reverse(url_name)))
        except NoReverseMatch:  # an app that declares a page it has not built yet
            continue
    return items


def dashboard_panels_for(request):
    panels = []
    for dotted in _declared("dashboard_panels"):
        panel = import_string(dotted)(request)
        if panel:
            panels.append(panel)
    return panels
