"""System checks that refuse a dangerous production configuration at start-up."""

from django.conf import settings
from django.core.checks import Error, Tags, register


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
