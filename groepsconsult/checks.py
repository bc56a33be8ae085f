"""System checks that refuse a dangerous production configuration at start-up."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.urls import NoReverseMatch, reverse


@register(Tags.security, deploy=True)
def check_production_database(app_configs, **kwargs):
    errors = []
    if settings.PRODUCTION and settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        errors.append(
            Error(
                "Production runs on PostgreSQL: set DATABASE_URL.",
                hint="SQLite is for demos and single-laptop use (see docs/configuration.md).",
                id="groepsconsult.E001",
            )
        )
    if settings.PRODUCTION and settings.DEBUG:
        errors.append(Error("DEBUG must be off in production.", id="groepsconsult.E002"))
    return errors


@register(Tags.security, Tags.urls)
def check_public_url_names(app_configs, **kwargs):
    """Every name in GC_PUBLIC_URL_NAMES must be a route: a typo would silently close nothing
    and a stale name could later open a new view of the same name."""
    errors = []
    for name in settings.GC_PUBLIC_URL_NAMES:
        try:
            reverse(name)
        except NoReverseMatch:
            errors.append(
                Error(
                    f"GC_PUBLIC_URL_NAMES names an unknown route: {name!r}.",
                    hint="Use a URL name without arguments, or mark your own view with "
                    "groepsconsult.core.access.public.",
                    id="groepsconsult.E003",
                )
            )
    return errors
