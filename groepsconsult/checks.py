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
    return errors


# Transports that keep messages on the server instead of sending them: fine for a demo, a
# silent failure (and a file full of phone numbers) in production.
_LOCAL_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


@register(Tags.security)
def check_production_transports(app_configs, **kwargs):
    """Not deploy-only: every manage.py command and the web server refuse to start with these."""
    if not settings.PRODUCTION:
        return []
    errors = []
    if settings.EMAIL_BACKEND in _LOCAL_EMAIL_BACKENDS:
        errors.append(
            Error(
                f"EMAIL_BACKEND={settings.EMAIL_BACKEND} does not send e-mail.",
                hint="Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST.",
                id="groepsconsult.E003",
            )
        )
    if settings.GC_SMS_TRANSPORT == "log":
        errors.append(
            Error(
                "GC_SMS_TRANSPORT=log writes text messages to a file instead of sending them.",
                hint="Set GC_SMS_TRANSPORT=messagebird and GC_MESSAGEBIRD_ACCESS_KEY.",
                id="groepsconsult.E004",
            )
        )
    elif not settings.GC_MESSAGEBIRD_ACCESS_KEY:
        errors.append(Error("GC_MESSAGEBIRD_ACCESS_KEY must be set.", id="groepsconsult.E005"))
    if settings.DEBUG:
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
