"""The cast (healthchecks style) and the test-wide rules.

- Region A ("alpha") is where the cast works; region B ("beta") holds objects they must never see.
- `client_for(role)` gives a logged-in, two-factor-verified client for that role in region A.
- With CI=true a skipped test fails the run: in CI nothing may be skipped.
"""

import os
import threading

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from django.db import connection  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from groepsconsult.accounts.permissions import Role  # noqa: E402
from tests.factories.backbone import make_region, make_user  # noqa: E402

CI = os.environ.get("CI", "").lower() == "true"
ALL_ROLES = [role.value for role in Role]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
    "--disable-dev-shm-usage",
]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI, a skip is a failure (the CI guard): report it as such."""
    outcome = yield
    report = outcome.get_result()
    if CI and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI (not allowed): {report.longrepr}"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run every test that flushes the database (live server, transactional) last.

    pytest-django orders them last, but pytest's own grouping by session-scoped parameters (the
    Playwright browser name) runs afterwards and can move a browser test in between. A flush
    empties the rows that data migrations load (consent texts, questionnaires), so an ordinary
    test after it would fail.
    """

    def flushes(item):
        names = getattr(item, "fixturenames", ())
        return "live_server" in names or "transactional_db" in names

    items.sort(key=flushes)


@pytest.fixture
def region_a(db):
    return make_region(name="Alpha", slug="alpha")


@pytest.fixture
def region_b(db):
    return make_region(name="Beta", slug="beta")


def verified_login(client, user):
    """Log in and mark the session as two-factor verified, as the TOTP step would."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).first() or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def client_for(region_a, django_user_model):
    """client_for("coordinator") -> a verified client for that role in region A."""
    from django.test import Client

    def make(role, region=None, **kw):
        user = make_user(role, region or region_a, **kw)
        client = verified_login(Client(), user)
        client.user = user
        return client

    return make


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        if CI:
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it.")
        pytest.skip("Chromium is not installed (CI installs it)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def allow_audit_purge(transactional_db):
    """Browser tests flush tables between tests; the access log refuses DELETE unless allowed.

    Tear-down order puts this before the flush (it depends on transactional_db). The marker row
    survives the flush; tests of the append-only rule clear it first (tests/audit).
    """
    yield
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO audit_purge_allowed (reason) VALUES ('test flush')")


@pytest.fixture
def live_app(django_db_serialized_rollback, allow_audit_purge, live_server):
    """The live server for browser tests. Serialized rollback restores the rows that data
    migrations loaded (consent texts, questionnaires) after an earlier browser test's flush."""
    if live_server.thread.connections_override:
        _one_request_at_a_time(live_server.thread.httpd)
    return live_server


def _one_request_at_a_time(httpd):
    """With SQLite's in-memory test database every server thread shares the test's one
    connection, so two requests at once (two tablets saving together) interleave their
    savepoints on it and fail. Such requests are served in turn there; on PostgreSQL (CI runs
    both) each thread has its own connection and they really run at once."""
    app = httpd.get_app()
    if getattr(app, "serialised", False):  # the server lives for the session
        return
    lock = threading.Lock()

    def serialised(environ, start_response):
        with lock:
            return app(environ, start_response)

    serialised.serialised = True
    httpd.set_app(serialised)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in a process cache: each test starts with none used."""
    from django.core.cache import caches

    caches["ratelimit"].clear()
    yield
