"""The one settings file. SQLite works with zero configuration; everything else is env-driven.

See docs/configuration.md for every variable. A malformed variable raises ConfigError at import,
so the process refuses to start with a message naming the variable.
"""

import os
import re
import sys
from pathlib import Path

import dj_database_url

from groepsconsult.env import ConfigError, env_bool, env_choice, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
APP_ENV = env_choice("GC_ENV", "development", ("development", "test", "production"))
PRODUCTION = APP_ENV == "production"
TESTING = APP_ENV == "test" or "pytest" in sys.modules
# DEBUG only when development is asked for by name: an unset GC_ENV must never show tracebacks.
DEBUG = env_bool("DEBUG", os.environ.get("GC_ENV") == "development")

SECRET_KEY = env_str("SECRET_KEY") or ""
if not SECRET_KEY:
    if PRODUCTION:
        raise ConfigError("SECRET_KEY (or SECRET_KEY_FILE) must be set when GC_ENV=production.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigError("ALLOWED_HOSTS must list the public host name(s) when GC_ENV=production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

# Our apps come first: their templates and translations take precedence over Django's own
# (django.contrib.admin translates "Log in" as "Aanmelden", which means "register" to our users).
INSTALLED_APPS = [
    "groepsconsult.core",
    "groepsconsult.accounts",
    "groepsconsult.audit",
    "groepsconsult.regions",
    "groepsconsult.participants",
    "groepsconsult.consultations",
    "groepsconsult.offers",
    "groepsconsult.registrations",
    # After registrations: its demo seeder links the places the registrations seeder made.
    "groepsconsult.trajectories",
    "groepsconsult.consent",
    "groepsconsult.notifications",
    "groepsconsult.measurements",
    "groepsconsult.clinical_signoff",
    "groepsconsult.questionnaires",
    "groepsconsult.goals",
    "groepsconsult.documents",
    "groepsconsult.monitoring",
    "groepsconsult.geo",
    "groepsconsult.handovers",
    "groepsconsult.gpfeedback",
    "groepsconsult.followups",
    "groepsconsult.returns",
    "groepsconsult.finance",
    "groepsconsult.research",
    "groepsconsult.team",
    "groepsconsult.demo",
    "groepsconsult.privacy",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_htmx",
]

MIDDLEWARE = [
    # First: /healthz answers before the SSL redirect and the host check (load balancers probe it
    # over plain http with their own Host header).
    "groepsconsult.core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "groepsconsult.core.middleware.DutchByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "groepsconsult.accounts.middleware.AuthenticatedSessionMiddleware",
    "groepsconsult.accounts.middleware.TwoFactorRequiredMiddleware",
    "groepsconsult.accounts.middleware.ActiveMembershipMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "groepsconsult.urls"
WSGI_APPLICATION = "groepsconsult.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "groepsconsult" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
                "groepsconsult.accounts.context_processors.membership",
            ],
        },
    }
]
# Django's form templates with the select widget's options inlined (core/form_renderer.py).
FORM_RENDERER = "groepsconsult.core.form_renderer.FormRenderer"


def _database_config() -> dict:
    url = env_str("DATABASE_URL")
    if url:
        try:
            config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
        except Exception as exc:  # dj-database-url raises several types for bad URLs
            raise ConfigError(f"DATABASE_URL is malformed: {exc}") from None
        if not config.get("ENGINE"):
            raise ConfigError("DATABASE_URL has an unknown scheme; use postgres://…")
        return config
    path = env_str("SQLITE_PATH", str(BASE_DIR / "var" / "groepsconsult.sqlite3"))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        # IMMEDIATE transactions and a busy timeout: parallel tablet saves wait instead of failing
        # with "database is locked".
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": _database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is slow by design; the test suite creates hundreds of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
# Views we do not own that need no login (our own views use core.access.public). Checked at
# start-up (groepsconsult.E003): each name must resolve.
GC_PUBLIC_URL_NAMES = ("set_language",)

# Idle timeout: AuthenticatedSessionMiddleware logs out after SESSION_IDLE_MINUTES without a user
# action (polling does not count). The session is saved only when it changes (a GET writes
# nothing); the database expiry is a backstop a little after the idle timeout.
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS + 120
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Flash messages may name a participant: keep them in the server-side session, not a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# A password given by an administrator expires (the user must choose their own at first login),
# and so does the e-mailed link with which the user enrols their own authenticator.
GC_ONE_TIME_PASSWORD_HOURS = env_int("ONE_TIME_PASSWORD_HOURS", 72)
GC_ENROLMENT_LINK_HOURS = env_int("ENROLMENT_LINK_HOURS", 72)

AXES_ENABLED = env_bool("AXES_ENABLED", not TESTING)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Behind nginx every request comes from the proxy: lock out (and log) the real client instead.
GC_TRUSTED_PROXY_COUNT = env_int("GC_TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "groepsconsult.core.clientip.client_ip"

# Public sign-up limits (see docs/security.md). Per client address through django-ratelimit
# (a cache counter); per session per hour counted in the database, so exact across workers.
# A demo laptop signs up many people from one address: the strict default is production's.
GC_SIGNUP_RATE_PER_CLIENT = env_str("GC_SIGNUP_RATE_PER_CLIENT", "5/h" if PRODUCTION else "60/h")
if not re.fullmatch(r"\d+/\d*[smhd]", GC_SIGNUP_RATE_PER_CLIENT):
    raise ConfigError(
        f"GC_SIGNUP_RATE_PER_CLIENT={GC_SIGNUP_RATE_PER_CLIENT!r} is not a rate such as 5/h."
    )
GC_SIGNUP_CAP_PER_SESSION_HOUR = env_int("GC_SIGNUP_CAP_PER_SESSION_HOUR", 10)
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
_MEMCACHED = env_str("GC_RATELIMIT_MEMCACHED", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # One process counts its own clients unless a memcached is named (several gunicorn workers).
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
        "LOCATION": _MEMCACHED,
    }
    if _MEMCACHED
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ratelimit",
    },
}

OTP_TOTP_ISSUER = "Groepsconsult"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
# Participant-facing pages may also offer these (see groepsconsult.core.languages).
PARTICIPANT_LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "groepsconsult" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "groepsconsult" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns on a missing root even when using finders
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))

# Retention (docs/privacy.md). An assumption to agree with the region's data protection officer,
# not a sourced figure: the app is not the medical record (the GP's system is), so identities
# are removed after this long without any activity; anonymous figures stay.
RETENTION_DAYS = {
    "inactive_participant": env_int("RETENTION_INACTIVE_PARTICIPANT_DAYS", 730),
}
# Small-cell suppression (docs/monitoring.md): aggregate cells below this many people show "<k".
SMALL_CELL_THRESHOLD = env_int("SMALL_CELL_THRESHOLD", 10)
PRIVACY_CONTACT_EMAIL = env_str("PRIVACY_CONTACT_EMAIL", "")
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "var" / "backups")))

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "groepsconsult@localhost")

# SMS reminders: "log" writes to an outbox file (demo); "messagebird" sends through its REST API.
GC_SMS_TRANSPORT = env_choice("GC_SMS_TRANSPORT", "log", ("log", "messagebird"))
GC_SMS_OUTBOX = env_str("GC_SMS_OUTBOX", str(BASE_DIR / "var" / "sms-outbox.txt"))
GC_SMS_ORIGINATOR = env_str("GC_SMS_ORIGINATOR", "Groepscons")
GC_MESSAGEBIRD_ACCESS_KEY = env_str("GC_MESSAGEBIRD_ACCESS_KEY", "")

# Security headers. Strict in production; development keeps http working on 127.0.0.1.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = PRODUCTION and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'nonce'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
from csp.constants import NONCE  # noqa: E402

CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] = ["'self'", NONCE]

# Application logs carry ids and actions only: never names, dates of birth or values.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Operations (docs/deployment.md): JSON logs for a log collector, Prometheus metrics on loopback,
# one log line per request (route, status, duration; never names or query strings).
LOG_FORMAT = env_choice("LOG_FORMAT", "plain", ("plain", "json"))
if LOG_FORMAT == "json":
    LOGGING["formatters"]["json"] = {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    }
    LOGGING["handlers"]["console"]["formatter"] = "json"
LOGGING["loggers"]["groepsconsult.request"] = {
    "level": env_str("REQUEST_LOG_LEVEL", "WARNING" if TESTING else "INFO")
}
METRICS_ALLOWED_IPS = env_list("METRICS_ALLOWED_IPS", ["127.0.0.1", "::1"])
INSTALLED_APPS += ["django_prometheus"]
MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "groepsconsult.core.operations.RequestLogMiddleware",
    *MIDDLEWARE,
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]
