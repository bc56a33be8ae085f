"""Configuration fails loudly at start-up and is clean for production."""

import os
import subprocess
import sys

import pytest

BASE_ENV = {
    k: v
    for k, v in os.environ.items()
    if k not in {"DATABASE_URL", "SECRET_KEY", "GC_ENV", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
}


def run_python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DATABASE_URL": "nonsense://"}, "DATABASE_URL"),
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a boolean"),
        ({"GC_ENV": "staging"}, "GC_ENV='staging' must be one of"),
        ({"GC_ENV": "production", "ALLOWED_HOSTS": "x.nl"}, "SECRET_KEY"),
        ({"SECRET_KEY_FILE": "/nonexistent/secret"}, "SECRET_KEY_FILE"),
        ({"GC_SIGNUP_RATE_PER_CLIENT": "many"}, "GC_SIGNUP_RATE_PER_CLIENT='many'"),
        ({"SESSION_IDLE_MINUTES": "ten"}, "SESSION_IDLE_MINUTES='ten' is not a whole number"),
    ],
)
def test_malformed_environment_refuses_to_start_with_a_clear_message(env, message):
    result = run_python("import groepsconsult.settings", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_secret_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file-" + "x" * 50)
    result = run_python(
        "import groepsconsult.settings as s; print(s.SECRET_KEY)",
        SECRET_KEY_FILE=str(secret),
        GC_ENV="production",
        ALLOWED_HOSTS="gc.example.nl",
    )
    assert result.stdout.strip() == "from-a-file-" + "x" * 50


PRODUCTION_ENV = {
    "GC_ENV": "production",
    "SECRET_KEY": "aB3$dE5^gH7*jK9(lM1)nP2-qR4_sT6+uV8=wX0!yZ" + "k" * 20,
    "ALLOWED_HOSTS": "gc.example.nl",
    "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/gc",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "GC_SMS_TRANSPORT": "messagebird",
    "GC_MESSAGEBIRD_ACCESS_KEY": "test-key",
}


def _check(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("override", "error"),
    [
        ({"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "E003"),
        ({"GC_SMS_TRANSPORT": "log"}, "E004"),
        ({"GC_MESSAGEBIRD_ACCESS_KEY": ""}, "E005"),
        ({"DEBUG": "true"}, "E002"),
    ],
)
def test_finding_10_production_refuses_local_transports_and_debug_without_deploy_flag(
    override, error
):
    result = _check(**{**PRODUCTION_ENV, **override})
    assert result.returncode != 0
    assert f"groepsconsult.{error}" in result.stderr


def test_finding_10_debug_is_off_when_gc_env_is_unset():
    result = run_python("import groepsconsult.settings as s; print(s.DEBUG)")
    assert result.stdout.strip() == "False"


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**BASE_ENV, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_refuses_sqlite_in_production():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        env={
            **BASE_ENV,
            "GC_ENV": "production",
            "SECRET_KEY": "aB3$dE5^gH7*jK9(lM1)nP2-qR4_sT6+uV8=wX0!yZ" + "k" * 20,
            "ALLOWED_HOSTS": "gc.example.nl",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "groepsconsult.E001" in result.stderr
